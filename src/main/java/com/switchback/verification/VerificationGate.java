package com.switchback.verification;

import com.switchback.base.Formats;
import com.switchback.migration.ClusterGate;
import com.switchback.migration.RequestPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * What verifications mean for requests: none is made while one runs, and where the policy asks
 * ({@code switchback.verification.required-for}) an action needs a fresh, clean verification — a
 * check in its plan, enforced again when its execution starts.
 */
@Component
class VerificationGate implements ClusterGate {

    static final String CHECK = "Fresh clean verification";

    private final VerificationRepository repository;
    private final VerificationProperties properties;

    VerificationGate(VerificationRepository repository, VerificationProperties properties) {
        this.repository = repository;
        this.properties = properties;
    }

    @Override
    public com.switchback.base.i18n.Text refusal(Proposal proposal) {
        return repository.open(proposal.clusterId())
                .map(v -> com.switchback.base.i18n.Text.of("gate.verificationRunning", v.id())).orElse(null);
    }

    @Override
    public List<RequestPlan.Check> checks(Proposal proposal) {
        if (!properties.requiredFor().contains(proposal.action())) {
            return List.of();
        }
        var latest = repository.latestDone(proposal.clusterId());
        String fix = "Run Verify Data on the cluster page and let it finish clean.";
        if (latest.isEmpty()) {
            return List.of(new RequestPlan.Check(CHECK, false, "No verification of this cluster has finished.", false, fix));
        }
        Verification v = latest.get();
        Duration age = Duration.between(v.finishedAt(), Instant.now());
        String when = "Verification #" + v.id() + " finished " + Formats.duration(age) + " ago";
        if (!v.clean()) {
            return List.of(new RequestPlan.Check(CHECK, false, when + " with " + v.differences() + " differing rows"
                    + (v.notCheckable() > 0 ? " and " + v.notCheckable() + " tables not checkable" : "") + ".", false,
                    "Resolve the differences, then run Verify Data again."));
        }
        if (age.compareTo(properties.maxAge()) > 0) {
            return List.of(new RequestPlan.Check(CHECK, false, when + ", clean, but older than "
                    + Formats.duration(properties.maxAge()) + ".", false, fix));
        }
        return List.of(RequestPlan.Check.cited(CHECK, when + ", clean."));
    }
}
