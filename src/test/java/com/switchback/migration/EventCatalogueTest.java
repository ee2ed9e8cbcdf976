package com.switchback.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.SwitchbackTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.approval.ApprovalService;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.simulated.SimulatedBackend;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one catalogue of events, emitted where the lifecycle moves: in-app notices to the people it
 * names and outbox rows for the channels that picked the event and the cluster, each in the move's
 * transaction; and the migration window's warnings, each raised once.
 */
@SwitchbackTest
class EventCatalogueTest {

    @Autowired MigrationService migrations;
    @Autowired ApprovalService approvals;
    @Autowired WindowWarnings warnings;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    private TestFleet fleet;

    @BeforeEach
    void setUp() {
        fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
        jdbc.sql("delete from notification_channel").update();
    }

    @AfterEach
    void tearDown() {
        jdbc.sql("delete from notification_channel").update();
        TestUsers.logout();
    }

    @Test
    void aRequestsLifeReachesItsPeopleAndTheChannelsThatPickedItsEventsAndCluster() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 3);
        String other = fleet.create("RDS2POLARDB_SYNCING", 3);
        channel("This cluster", "request.made,execution.started,execution.succeeded", id);
        channel("Other cluster", "request.made,execution.started,execution.succeeded", other);
        channel("Decisions only", "request.approved", "");

        long r = TestExecutor.approvedRequest(migrations, approvals, id, MigrationAction.SWITCH_OVER, true);
        assertThat(new TestExecutor(context).run("executor-A", r)).isEqualTo(OperationRunner.Result.SUCCEEDED);

        assertThat(jdbc.sql("""
                        select c.name || ': ' || o.event from notification_outbox o join notification_channel c on c.id = o.channel_id
                        where o.request_id = :r order by o.id""").param("r", r).query(String.class).list())
                .containsExactly("This cluster: request.made", "Decisions only: request.approved",
                        "This cluster: execution.started", "This cluster: execution.succeeded");
        assertThat(jdbc.sql("select recipient || ': ' || event from user_notice where request_id = :r order by id")
                .param("r", r).query(String.class).list())
                .as("the team leads who may approve hear of the request; the requester of the decision and the outcome")
                .containsExactly("lead: request.made", "lead2: request.made", "dba: request.approved",
                        "dba: execution.succeeded");
    }

    @Test
    void aMigrationWindowEndingIsToldOncePerThresholdAndOnlyTheNearestWhenFirstSeenLate() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 3);
        channel("Windows", "migration-window.ending", id);
        Instant ends = Instant.now().plus(Duration.ofDays(5)).plus(Duration.ofMinutes(10));
        jdbc.sql("update migration set expired_time = :t where cluster_id = :c")
                .param("t", java.sql.Timestamp.from(ends)).param("c", id).update();
        Instant now = Instant.now();
        assertThat(titles(id)).isEmpty();
        warnings.raiseDue(now);
        warnings.raiseDue(now.plusSeconds(60));
        assertThat(titles(id)).as("7 days: told once").hasSize(1).first().asString().contains("ends in 5 d");
        warnings.raiseDue(ends.minus(Duration.ofHours(23)));
        warnings.raiseDue(ends.minus(Duration.ofMinutes(90)));
        warnings.raiseDue(ends.minus(Duration.ofMinutes(30)));
        assertThat(titles(id)).hasSize(3).last().asString().contains("ends in 1 h");

        String late = fleet.create("RDS2POLARDB_SYNCING", 3);
        jdbc.sql("update migration set expired_time = now() + interval '90 minutes' where cluster_id = :c")
                .param("c", late).update();
        channel("Late", "migration-window.ending", late);
        warnings.raiseDue(Instant.now());
        assertThat(titles(late)).as("first seen under 2 h: only that warning").hasSize(1);
    }

    private java.util.List<String> titles(String clusterId) {
        return jdbc.sql("select title from notification_outbox where cluster_id = :c and event = 'migration-window.ending' order by id")
                .param("c", clusterId).query(String.class).list();
    }

    private void channel(String name, String events, String clusters) {
        jdbc.sql("""
                insert into notification_channel (name, type, endpoint_enc, events, clusters, created_by)
                values (:n, 'SLACK', 'x', :e, :c, 'admin')""").param("n", name).param("e", events).param("c", clusters)
                .update();
    }
}
