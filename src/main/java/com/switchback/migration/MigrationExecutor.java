package com.switchback.migration;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background half of the migration service: claims approved requests (and requests whose
 * executor died) and runs each on its own thread. It calls no secured service: it acts as the
 * system, on requests a person already made.
 */
@Component
public class MigrationExecutor {

    private static final Logger log = LoggerFactory.getLogger(MigrationExecutor.class);

    private final String id = "executor-" + UUID.randomUUID();
    private final RequestRepository requests;
    private final OperationRunner runner;
    private final boolean enabled;
    private final Duration staleAfter;
    private final Duration heartbeat;
    private final Set<Long> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopping;

    /** Whether a request is running on this executor now. */
    public boolean isRunning(long requestId) {
        return running.contains(requestId);
    }

    MigrationExecutor(RequestRepository requests, OperationRunner runner,
                      @Value("${switchback.executor.enabled:true}") boolean enabled,
                      @Value("${switchback.executor.stale-after:PT30S}") Duration staleAfter,
                      @Value("${switchback.executor.heartbeat:PT5S}") Duration heartbeat) {
        this.requests = requests;
        this.runner = runner;
        this.enabled = enabled;
        this.staleAfter = staleAfter;
        this.heartbeat = heartbeat;
    }

    /** Claims every ready request and starts running each; the scheduler calls this twice a second. */
    @Scheduled(fixedDelayString = "${switchback.executor.interval:PT0.5S}")
    public void claimReadyRequests() {
        if (!enabled || stopping) {
            return;
        }
        Optional<Long> claimed;
        while (!stopping && (claimed = requests.claim(id, staleAfter)).isPresent()) {
            long requestId = claimed.get();
            if (!running.add(requestId)) {
                // Already running here; its heartbeat was late and the claim only refreshed it.
                // Stop claiming for this round: claiming again would find the same request.
                log.warn("Request #{} looked abandoned while this executor runs it: the heartbeat ({}) must be "
                        + "well under switchback.executor.stale-after ({}).", requestId, heartbeat, staleAfter);
                break;
            }
            threads.submit(() -> {
                try {
                    var outcome = runner.run(id, requestId, seq -> stopping);
                    log.info("Request #{} ended: {}", requestId, outcome);
                } catch (RuntimeException e) {
                    log.error("Request #{} stopped unexpectedly; another executor resumes it once this one's heartbeat is stale.",
                            requestId, e);
                } finally {
                    running.remove(requestId);
                }
            });
        }
    }

    /** Keeps the claims of long steps (a catch-up wait) from looking abandoned. */
    @Scheduled(fixedRateString = "${switchback.executor.heartbeat:PT5S}")
    public void heartbeat() {
        running.forEach(r -> requests.touch(r, id));
    }

    /** On shutdown, running requests stop at their next step boundary; the journal resumes them. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        threads.shutdown();
        if (!threads.awaitTermination(20, TimeUnit.SECONDS)) {
            log.warn("Requests {} were still in a step at shutdown; they resume from the journal.", running);
        }
    }
}
