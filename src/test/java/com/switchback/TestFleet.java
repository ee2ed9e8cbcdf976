package com.switchback;

import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.simulated.SimulatedBackend;
import com.switchback.migration.simulated.SimulatedCluster;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shapes the simulated world for a test: a fresh pair per test, so tests never share a migration. */
public final class TestFleet {

    private final SimulatedBackend simulated;
    private final FleetDiscovery discovery;
    private final JdbcClient jdbc;

    public TestFleet(SimulatedBackend simulated, FleetDiscovery discovery, JdbcClient jdbc) {
        this.simulated = simulated;
        this.discovery = discovery;
        this.jdbc = jdbc;
    }

    /** A new pair in the usual state of {@code status}, known to the console. */
    public String create(String status, int latencySeconds) {
        String id = "pc-t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        simulated.put(id, status, latencySeconds);
        discovery.discover(SimulatedBackend.NAME, id);
        return id;
    }

    /** A Switch Over requested by the DBA on {@code clusterId}, its warnings acknowledged, waiting for approval. */
    public static com.switchback.migration.MigrationRequest switchOverRequested(
            com.switchback.migration.MigrationService migrations, String clusterId) {
        TestUsers.loginAs("dba", "DBA");
        var options = com.switchback.migration.ActionOptions.swap(true);
        var action = com.switchback.migration.MigrationAction.SWITCH_OVER;
        return migrations.request(clusterId, action, options, "Planned", java.util.Set.copyOf(
                com.switchback.migration.CheckSummary.warningNames(migrations.checks(clusterId, action, options))));
    }

    public SimulatedCluster pair(String clusterId) {
        return simulated.cluster(clusterId);
    }

    /**
     * Ends requests that earlier tests left open, so the executor in this test claims only its own.
     * They are marked FAILED, as an operator would close abandoned work.
     */
    public void closeOpenRequests() {
        closeOpenRequests(jdbc);
    }

    /** As {@link #closeOpenRequests()}, for tests without the simulated fleet. */
    public static void closeOpenRequests(JdbcClient jdbc) {
        jdbc.sql("""
                update migration_request set state = 'FAILED', error = 'Closed by the test set-up', finished_at = now()
                where state in ('PENDING', 'APPROVED', 'EXECUTING')""").update();
    }
}
