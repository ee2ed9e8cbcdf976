package com.switchback.cluster;

import com.switchback.migration.ClusterDescription;
import com.switchback.migration.MigrationBackend;
import com.switchback.migration.MigrationBackends;
import com.switchback.migration.MigrationMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lists each backend's clusters (at start and every few minutes) and starts watching their
 * migrations. Backends are listed outside any transaction; only the writes are transactional.
 */
@Component
@Order(10)
public class FleetDiscovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FleetDiscovery.class);

    private final ClusterRepository clusters;
    private final MigrationBackends backends;
    private final MigrationMonitor monitor;
    private final TransactionTemplate tx;

    FleetDiscovery(ClusterRepository clusters, MigrationBackends backends, MigrationMonitor monitor,
                   TransactionTemplate tx) {
        this.clusters = clusters;
        this.backends = backends;
        this.monitor = monitor;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        discover();
    }

    /** Discovers one cluster of a backend now (after it was added there). */
    public void discover(String backendName, String clusterId) {
        MigrationBackend backend = backends.get(backendName);
        backend.discover().stream().filter(d -> d.clusterId().equals(clusterId)).findFirst()
                .ifPresent(d -> register(backend, d));
    }

    /**
     * The cluster and its migration row are written together: no cluster is ever without one. Its
     * status is read after the transaction: no connection is held while a backend answers.
     */
    private void register(MigrationBackend backend, ClusterDescription d) {
        tx.executeWithoutResult(t -> {
            clusters.upsert(new Cluster(d.clusterId(), d.description(), d.region(), d.engineVersion(),
                    d.clusterStatus(), backend.name()));
            monitor.track(d.clusterId(), backend.name());
        });
        monitor.poll(d.clusterId());
    }

    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "PT5M")
    public void discover() {
        for (MigrationBackend backend : backends.all()) {
            try {
                backend.discover().forEach(d -> register(backend, d));
            } catch (RuntimeException e) {
                log.warn("Discovery on backend {} failed: {}", backend.name(), e.getMessage());
            }
        }
    }
}
