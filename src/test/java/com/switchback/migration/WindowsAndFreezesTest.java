package com.switchback.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.switchback.SwitchbackTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.approval.ApprovalService;
import com.switchback.base.ActionRefusedException;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.freeze.ChangeFreeze;
import com.switchback.migration.freeze.FreezeService;
import com.switchback.migration.simulated.SimulatedBackend;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** Maintenance windows (too early, inside, expired) and change freezes (refused, exception, rollback), through the services. */
@SwitchbackTest
class WindowsAndFreezesTest {

    @Autowired MigrationService migrations;
    @Autowired ApprovalService approvals;
    @Autowired FreezeService freezes;
    @Autowired MigrationExecutor executor;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;

    private TestFleet fleet;

    @BeforeEach
    void setUp() {
        fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
    }

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @Test
    void aRequestRunsOnlyInsideItsWindowAndExpiresAtItsEnd() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 2);
        Instant start = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        long r = request(id, MigrationAction.SWITCH_OVER, RequestConditions.window(start, start.plus(Duration.ofHours(2))));
        MigrationRequest made = migrations.findRequest(r).orElseThrow();
        assertThat(made.windowStart()).isEqualTo(start);
        assertThat(made.expiresAt()).as("valid until the window's end, not for valid-for").isEqualTo(made.windowEnd());
        approve(r, "lead");
        assertThat(state(r)).isEqualTo(RequestState.APPROVED);

        // Too early: no executor claims it.
        executor.claimReadyRequests();
        assertThat(executor.isRunning(r)).isFalse();
        assertThat(state(r)).isEqualTo(RequestState.APPROVED);
        assertThat(fleet.pair(id).performCount("precheck")).isZero();

        // The window opens: the next claim takes it, and it runs.
        shiftWindow(r, Duration.ofHours(-1).minusMinutes(1));
        executor.claimReadyRequests();
        await().atMost(Duration.ofSeconds(20)).until(() -> state(r) == RequestState.SUCCEEDED);

        // Another one whose window closes before it could start: it expires and never runs.
        String other = fleet.create("RDS2POLARDB_SYNCING", 2);
        long late = request(other, MigrationAction.SWITCH_OVER, RequestConditions.window(start, start.plus(Duration.ofHours(1))));
        approve(late, "lead");
        shiftWindow(late, Duration.ofHours(-3));
        executor.claimReadyRequests();
        assertThat(state(late)).isEqualTo(RequestState.APPROVED);
        approvals.expireOverdue();
        assertThat(state(late)).isEqualTo(RequestState.EXPIRED);
        assertThat(fleet.pair(other).performCount("precheck")).isZero();
    }

    @Test
    void aWindowThatCannotBeUsedIsRefused() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 2);
        Instant now = Instant.now();
        assertThatThrownBy(() -> request(id, MigrationAction.SWITCH_OVER,
                RequestConditions.window(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(1)))))
                .isInstanceOf(ActionRefusedException.class).hasMessage("The maintenance window must end after it starts.");
        assertThatThrownBy(() -> request(id, MigrationAction.SWITCH_OVER,
                RequestConditions.window(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)))))
                .hasMessage("The maintenance window has already ended.");
        assertThatThrownBy(() -> request(id, MigrationAction.SWITCH_OVER,
                RequestConditions.window(now.plus(Duration.ofDays(40)), now.plus(Duration.ofDays(41)))))
                .hasMessage("The maintenance window starts too far ahead: at most 30 days from now.");
        assertThat(jdbc.sql("select count(*) from migration_request where cluster_id = :c").param("c", id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void duringAFreezeOnlyRollbackAndFreezeExceptionsApprovedByTwoLeadsGoAhead() {
        String frozen = fleet.create("RDS2POLARDB_SYNCING", 2);
        String rollback = fleet.create("POLARDB2RDS_SYNCING", 2);
        String elsewhere = fleet.create("RDS2POLARDB_SYNCING", 2);
        TestUsers.loginAs("dba", "DBA");
        assertThatThrownBy(() -> freezes.create(Instant.now(), Instant.now().plus(Duration.ofHours(1)), "x", List.of()))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.loginAs("admin", "ADMIN");
        ChangeFreeze freeze = freezes.create(Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofHours(4)),
                "Singles' Day sales", List.of(frozen, rollback));
        assertThat(freezes.inForce(frozen)).map(ChangeFreeze::id).contains(freeze.id());
        assertThat(freezes.inForce(elsewhere)).isEmpty();

        // Refused: an ordinary Switch Over during the freeze; nothing is recorded but the refusal.
        assertThatThrownBy(() -> request(frozen, MigrationAction.SWITCH_OVER, RequestConditions.NONE))
                .isInstanceOf(ActionRefusedException.class)
                .hasMessage("Change freeze #" + freeze.id() + " until " + com.switchback.base.Formats.utc(freeze.endsAt())
                        + " on " + String.join(", ", new java.util.TreeSet<>(List.of(frozen, rollback)))
                        + ": Singles' Day sales. Only a freeze exception, approved by two team leads, may be requested now.");
        assertThat(openRequest(frozen)).isFalse();

        // Allowed: Roll Back, the safety action, as an ordinary request.
        long back = request(rollback, MigrationAction.ROLL_BACK, RequestConditions.NONE);
        assertThat(state(back)).isEqualTo(RequestState.PENDING);

        // A freeze exception waits for two different team leads, then runs.
        long exception = request(frozen, MigrationAction.SWITCH_OVER, RequestConditions.NONE.asFreezeException());
        assertThat(migrations.findRequest(exception).orElseThrow().freezeException()).isTrue();
        approve(exception, "lead");
        assertThat(state(exception)).as("one of two approvals").isEqualTo(RequestState.PENDING);
        approve(exception, "lead2");
        assertThat(state(exception)).isEqualTo(RequestState.APPROVED);
        executor.claimReadyRequests();
        await().atMost(Duration.ofSeconds(20)).until(() -> state(exception) == RequestState.SUCCEEDED);

        // No freeze on that cluster: a freeze exception there is refused.
        assertThatThrownBy(() -> request(elsewhere, MigrationAction.SWITCH_OVER, RequestConditions.NONE.asFreezeException()))
                .hasMessage("No change freeze is in force on this cluster: make an ordinary request, not a freeze exception.");
    }

    @Test
    void aFreezeThatBeginsAfterTheApprovalHoldsTheStartAndEndingItLetsRequestsThrough() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 2);
        long r = request(id, MigrationAction.SWITCH_OVER, RequestConditions.NONE);
        approve(r, "lead");
        TestUsers.loginAs("admin", "ADMIN");
        ChangeFreeze freeze = freezes.create(Instant.now().minusSeconds(5), Instant.now().plus(Duration.ofHours(1)),
                "Incident on the payment service", List.of(id));
        TestUsers.logout();
        executor.claimReadyRequests();
        await().atMost(Duration.ofSeconds(20)).until(() -> state(r) == RequestState.FAILED);
        assertThat(jdbc.sql("select error from migration_request where id = :id").param("id", r).query(String.class)
                .single()).contains("No change freeze")
                .contains("Incident on the payment service");

        TestUsers.loginAs("admin", "ADMIN");
        freezes.end(freeze.id());
        assertThat(freezes.inForce(id)).isEmpty();
        assertThatThrownBy(() -> freezes.end(freeze.id())).hasMessage("Change freeze #" + freeze.id() + " is already over.");
        long after = request(id, MigrationAction.SWITCH_OVER, RequestConditions.NONE);
        assertThat(state(after)).isEqualTo(RequestState.PENDING);
        assertThat(jdbc.sql("select action from audit_event where action like 'freeze.%' order by seq desc limit 2")
                .query(String.class).list()).containsExactly("freeze.refused", "freeze.ended");
    }

    private long request(String clusterId, MigrationAction action, RequestConditions conditions) {
        TestUsers.loginAs("dba", "DBA");
        ActionOptions options = ActionOptions.swap(action.hasEndpointOption());
        Set<String> warnings = Set.copyOf(CheckSummary.warningNames(migrations.checks(clusterId, action, options)));
        return migrations.request(clusterId, action, options, "Planned change", warnings, conditions).id();
    }

    private void approve(long r, String lead) {
        TestUsers.loginAs(lead, "TEAM_LEAD");
        approvals.approve(r, "ok");
        TestUsers.logout();
    }

    private void shiftWindow(long r, Duration by) {
        jdbc.sql("""
                update migration_request set window_start = window_start + make_interval(secs => :s),
                    window_end = window_end + make_interval(secs => :s), expires_at = expires_at + make_interval(secs => :s)
                where id = :id""").param("s", (double) by.toSeconds()).param("id", r).update();
    }

    private RequestState state(long r) {
        return jdbc.sql("select state from migration_request where id = :id").param("id", r)
                .query((rs, n) -> RequestState.valueOf(rs.getString(1))).single();
    }

    private boolean openRequest(String clusterId) {
        return jdbc.sql("select count(*) from migration_request where cluster_id = :c and state in ('PENDING', 'APPROVED')")
                .param("c", clusterId).query(Integer.class).single() > 0;
    }
}
