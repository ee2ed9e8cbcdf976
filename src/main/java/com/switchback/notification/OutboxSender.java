package com.switchback.notification;

import com.switchback.base.jobs.JobClaims;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: claims due messages through the one claim-and-fence mechanism (so several
 * nodes deliver each message once), sends each in the channel's format on a thread of its own with a
 * timeout, and records the attempt. A failure is retried with doubling waits, then given up as dead.
 * Delivery is at least once: a sender that dies after sending and before recording is taken over,
 * and the message goes again under the same idempotency key, which receivers use to drop the repeat.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final Channels channels;
    private final SecretBox secrets;
    private final NotificationProperties properties;
    private final TransactionTemplate tx;
    private final String executorId = "sender-" + UUID.randomUUID().toString().substring(0, 8);
    private final Set<Long> runningHere = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http;

    OutboxSender(Outbox outbox, Channels channels, SecretBox secrets, NotificationProperties properties,
                 TransactionTemplate tx) {
        this.outbox = outbox;
        this.channels = channels;
        this.secrets = secrets;
        this.properties = properties;
        this.tx = tx;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${switchback.notifications.interval:PT2S}")
    void scheduled() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            log.warn("Notification delivery round failed: {}", e.getMessage());
        }
    }

    /**
     * One round: claims and sends every message due now, up to {@code parallel} at a time, each at most
     * once (a failure waits for the next round); returns how many were tried.
     */
    public int deliverDue() {
        Set<Long> triedNow = new java.util.HashSet<>();
        while (true) {
            List<Future<?>> round = new ArrayList<>();
            for (int i = 0; i < properties.parallel(); i++) {
                Set<Long> skip = new java.util.HashSet<>(runningHere);
                skip.addAll(triedNow);
                Optional<JobClaims.Claim> claim = tx.execute(s -> outbox.claim(executorId, properties.staleAfter(), skip));
                if (claim == null || claim.isEmpty()) {
                    break;
                }
                runningHere.add(claim.get().jobId());
                triedNow.add(claim.get().jobId());
                round.add(threads.submit(() -> deliver(claim.get())));
            }
            if (round.isEmpty()) {
                return triedNow.size();
            }
            for (Future<?> f : round) {
                try {
                    f.get();
                } catch (Exception e) {
                    log.warn("A delivery failed unexpectedly: {}", e.getMessage());
                }
            }
        }
    }

    private void deliver(JobClaims.Claim claim) {
        try {
            OutboxMessage m = outbox.find(claim.jobId()).orElseThrow();
            long started = System.nanoTime();
            String error;
            try {
                error = send(m);
            } catch (RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + ChannelFormats.clip(String.valueOf(e.getMessage()));
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            Instant retryAt = error == null || m.attempts() >= properties.maxAttempts() ? null
                    : Instant.now().plus(properties.backoff(m.attempts()));
            String result = error;
            Boolean recorded = tx.execute(s -> outbox.finish(claim, m.attempts(), result, millis, retryAt));
            if (!Boolean.TRUE.equals(recorded)) {
                log.info("Message #{} was taken over by another sender while this one sent it.", m.id());
            }
        } finally {
            runningHere.remove(claim.jobId());
        }
    }

    /** Sends one message now; null when the channel accepted it, else why not. */
    String send(OutboxMessage m) {
        Channel c = channels.findById(m.channelId()).orElse(null);
        if (c == null) {
            return "The channel was removed.";
        }
        return sendTo(c, m);
    }

    /** Sends {@code m} to {@code c} (used for Send test too); null when accepted, else why not. */
    String sendTo(Channel c, OutboxMessage m) {
        String endpoint = secrets.open(c.endpointEnc());
        String secret = c.secretEnc() == null ? null : secrets.open(c.secretEnc());
        String url = properties.url(m.link());
        if (c.type().email()) {
            return EmailSender.send(c, endpoint, secret, m, url, properties.timeout());
        }
        ChannelFormats.HttpCall call = ChannelFormats.call(c.type(), endpoint, secret, m, url,
                System.currentTimeMillis());
        HttpRequest.Builder request = HttpRequest.newBuilder(call.uri()).timeout(properties.timeout())
                .POST(HttpRequest.BodyPublishers.ofString(call.body()));
        call.headers().forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return ChannelFormats.refusal(c.type(), response.statusCode(), response.body());
        } catch (java.io.IOException e) {
            return "Not reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + ChannelFormats.clip(e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted";
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        threads.shutdownNow();
    }
}
