package com.switchback.migration;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The background half of the migration service: claims approved requests (and requests whose
 * executor went quiet) and runs each on its own thread, at most {@code max-running} at a time.
 * Heartbeats go out from a thread of their own, so no poll, discovery or slow backend read can
 * delay them past {@code stale-after}. It calls no secured service: it acts as the system, on
 * requests a person already made.
 */
@Component
public class MigrationExecutor {

    private static final Logger log = LoggerFactory.getLogger(MigrationExecutor.class);

    private final String id = "executor-" + UUID.randomUUID();
    private final RequestLifecycle lifecycle;
    private final OperationRunner runner;
    private final boolean enabled;
    private final Duration staleAfter;
    private final int maxRunning;
    private final Map<Long, Lease> running = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("executor-heartbeat").factory());
    private volatile boolean stopping;

    MigrationExecutor(RequestLifecycle lifecycle, OperationRunner runner,
                      @Value("${switchback.executor.enabled:true}") boolean enabled,
                      @Value("${switchback.executor.stale-after:PT30S}") Duration staleAfter,
                      @Value("${switchback.executor.heartbeat:PT5S}") Duration heartbeat,
                      @Value("${switchback.executor.max-running:8}") int maxRunning) {
        this.lifecycle = lifecycle;
        this.runner = runner;
        this.enabled = enabled;
        this.staleAfter = staleAfter;
        this.maxRunning = Math.max(1, maxRunning);
        if (heartbeat.compareTo(staleAfter.dividedBy(2)) > 0) {
            log.warn("switchback.executor.heartbeat ({}) should be well under stale-after ({}).", heartbeat, staleAfter);
        }
        heartbeats.scheduleWithFixedDelay(this::heartbeat, heartbeat.toMillis(), heartbeat.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** This executor's id, as claims and the audit trail name it. */
    public String id() {
        return id;
    }

    /** Whether a request is running on this executor now. */
    public boolean isRunning(long requestId) {
        return running.containsKey(requestId);
    }

    /** Claims ready requests while it has room and starts running each; the scheduler calls this twice a second. */
    @Scheduled(fixedDelayString = "${switchback.executor.interval:PT0.5S}")
    public void claimReadyRequests() {
        if (!enabled) {
            return;
        }
        Optional<Lease> claimed;
        while (!stopping && running.size() < maxRunning && (claimed = lifecycle.claim(id, staleAfter, Set.copyOf(running.keySet()))).isPresent()) {
            Lease lease = claimed.get();
            running.put(lease.requestId(), lease);
            threads.submit(() -> {
                try {
                    var outcome = runner.run(lease, seq -> stopping);
                    log.info("Request #{} ended: {}", lease.requestId(), outcome);
                } catch (RuntimeException e) {
                    log.error("Request #{} stopped unexpectedly; another executor resumes it once this one's heartbeat is stale.",
                            lease.requestId(), e);
                } finally {
                    running.remove(lease.requestId(), lease);
                }
            });
        }
    }

    /** Keeps the claims of long steps (a catch-up wait) from looking abandoned; a fenced run stops at its next check. */
    void heartbeat() {
        for (Lease lease : running.values()) {
            try {
                lifecycle.touch(lease);
            } catch (FencedException e) {
                log.warn("{} It stops at its next fence check.", e.getMessage());
            } catch (RuntimeException e) {
                log.warn("Heartbeat of request #{} failed: {}", lease.requestId(), e.getMessage());
            }
        }
    }

    /** On shutdown, running requests stop at their next step boundary; the journal resumes them. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        threads.shutdown();
        if (!threads.awaitTermination(20, TimeUnit.SECONDS)) {
            log.warn("Requests {} were still in a step at shutdown; they resume from the journal.", running.keySet());
        }
        heartbeats.shutdownNow();
    }
}
