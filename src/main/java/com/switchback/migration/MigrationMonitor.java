package com.switchback.migration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Polls each tracked migration's backend, stores what it saw and tells the views what changed.
 * A backend that cannot be read shows as an exception on the migration, never as silent stale data.
 */
@Component
public class MigrationMonitor {

    private static final Logger log = LoggerFactory.getLogger(MigrationMonitor.class);

    private final MigrationRepository migrations;
    private final MigrationBackends backends;
    private final MigrationEvents events;

    MigrationMonitor(MigrationRepository migrations, MigrationBackends backends, MigrationEvents events) {
        this.migrations = migrations;
        this.backends = backends;
        this.events = events;
    }

    /** Starts watching a discovered cluster and reads its status at once. */
    public void track(String clusterId, String backend) {
        migrations.track(clusterId, backend);
        poll(backends.get(backend), clusterId);
    }

    @Scheduled(fixedDelayString = "${switchback.poll.interval:PT2S}")
    public void pollAll() {
        for (MigrationBackend backend : backends.all()) {
            for (String clusterId : migrations.trackedIds(backend.name())) {
                poll(backend, clusterId);
            }
        }
    }

    /** Reads one migration now. */
    public void poll(String clusterId) {
        migrations.find(clusterId).ifPresent(t -> poll(backends.get(t.backend()), clusterId));
    }

    private void poll(MigrationBackend backend, String clusterId) {
        MigrationSnapshot seen;
        try {
            seen = backend.describe(clusterId);
        } catch (RuntimeException e) {
            log.warn("Could not read the migration of {}: {}", clusterId, e.getMessage());
            seen = unreachable(clusterId, OperationRunner.describe(e));
            if (seen == null) {
                return;
            }
        }
        if (migrations.save(seen)) {
            events.publish(clusterId);
        }
    }

    private MigrationSnapshot unreachable(String clusterId, String error) {
        return migrations.find(clusterId).map(t -> {
            MigrationSnapshot s = t.snapshot();
            return new MigrationSnapshot(s.clusterId(), s.sourceRdsId(), s.status(), s.rdsMode(), s.clusterMode(),
                    s.topology(), -1, s.expiredTime(), "The backend could not be read: " + error, s.endpoints());
        }).orElse(null);
    }
}
