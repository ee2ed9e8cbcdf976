package com.switchback.verification;

import com.switchback.base.Formats;
import com.switchback.notification.Event;
import com.switchback.notification.EventMessage;
import com.switchback.notification.Notifier;
import java.time.Instant;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells people when a cluster's clean verification goes stale (older than
 * {@code switchback.verification.max-age}): once per verification, by whichever node sees it first.
 */
@Component
class StaleVerifications {

    private final VerificationRepository repository;
    private final VerificationProperties properties;
    private final Notifier notifier;

    StaleVerifications(VerificationRepository repository, VerificationProperties properties, Notifier notifier) {
        this.repository = repository;
        this.properties = properties;
        this.notifier = notifier;
    }

    @Scheduled(fixedDelayString = "${switchback.notifications.window-check:PT1M}")
    void scheduled() {
        raiseDue(Instant.now());
    }

    /** Raises what went stale by {@code now}; returns how many this call raised. */
    int raiseDue(Instant now) {
        return notifier.raiseEachOnce(repository.staleClean(now.minus(properties.maxAge())).stream().map(v ->
                new EventMessage(Event.VERIFICATION_STALE, v.clusterId(), null,
                    "Verification of " + v.clusterId() + " is stale",
                    "The latest verification of " + v.clusterId() + " (#" + v.id() + ", clean) finished "
                            + Formats.utc(v.finishedAt()) + ", more than " + Formats.duration(properties.maxAge())
                            + " ago. Run Verify Data again before switching.",
                    "clusters/" + v.clusterId(), "verification " + v.id())).toList());
    }
}
