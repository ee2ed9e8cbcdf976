package com.switchback.migration;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls each tracked migration's backend, stores what it saw and tells the views what changed.
 * Reads run in parallel, each with a timeout, and hold no database connection while they wait: a
 * backend that hangs shows as unreachable and delays nothing else (the executor's heartbeats have
 * their own thread). A backend that cannot be read shows as an exception on the migration, never
 * as silent stale data.
 */
@Component
public class MigrationMonitor {

    private static final Logger log = LoggerFactory.getLogger(MigrationMonitor.class);

    private final MigrationRepository migrations;
    private final MigrationBackends backends;
    private final MigrationEvents events;
    private final Duration timeout;
    private final ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();
    /** Clusters whose last read has not answered yet: no second read is started beside it. */
    private final Set<String> reading = ConcurrentHashMap.newKeySet();

    MigrationMonitor(MigrationRepository migrations, MigrationBackends backends, MigrationEvents events,
                     @Value("${switchback.poll.timeout:PT20S}") Duration timeout) {
        this.migrations = migrations;
        this.backends = backends;
        this.events = events;
        this.timeout = timeout;
    }

    /** Starts watching a discovered cluster (its row only; {@link #poll(String)} reads it). */
    public void track(String clusterId, String backend) {
        migrations.track(clusterId, backend);
    }

    @Scheduled(fixedDelayString = "${switchback.poll.interval:PT2S}")
    public void pollAll() {
        List<Callable<Void>> polls = new ArrayList<>();
        for (MigrationBackend backend : backends.all()) {
            for (String clusterId : migrations.trackedIds(backend.name())) {
                polls.add(() -> {
                    poll(backend, clusterId);
                    return null;
                });
            }
        }
        try {
            reads.invokeAll(polls);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads one migration now. */
    public void poll(String clusterId) {
        migrations.find(clusterId).ifPresent(t -> poll(backends.get(t.backend()), clusterId));
    }

    private void poll(MigrationBackend backend, String clusterId) {
        if (!reading.add(clusterId)) {
            store(clusterId, unreachable(clusterId, "the previous read has not answered after more than "
                    + timeout.toSeconds() + " s"));
            return;
        }
        Future<MigrationSnapshot> read = reads.submit(() -> {
            try {
                return backend.describe(clusterId);
            } finally {
                reading.remove(clusterId);
            }
        });
        MigrationSnapshot seen;
        try {
            seen = read.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("The migration of {} did not answer within {}", clusterId, timeout);
            seen = unreachable(clusterId, "no answer within " + timeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            log.warn("Could not read the migration of {}: {}", clusterId, e.getCause().getMessage());
            seen = unreachable(clusterId, OperationRunner.describe(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        store(clusterId, seen);
    }

    private void store(String clusterId, MigrationSnapshot seen) {
        if (seen != null && migrations.save(seen)) {
            events.publish(clusterId);
        }
    }

    private MigrationSnapshot unreachable(String clusterId, String error) {
        return migrations.find(clusterId)
                .map(t -> t.snapshot().withComment("The backend could not be read: " + error, -1)).orElse(null);
    }

    @PreDestroy
    void stop() {
        reads.shutdownNow();
    }
}
