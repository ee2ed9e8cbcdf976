package com.switchback.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.SwitchbackTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.base.ActionRefusedException;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationExecutor;
import com.switchback.migration.MigrationService;
import com.switchback.migration.OperationRunner;
import com.switchback.migration.RequestState;
import com.switchback.migration.simulated.SimulatedBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The approval rules, called on the services directly as each role, including the refusals. */
@SwitchbackTest
class ApprovalServiceTest {

    @Autowired ApprovalService approvals;
    @Autowired MigrationService migrations;
    @Autowired MigrationExecutor executor;
    @Autowired OperationRunner runner;
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
    void aRequestWaitsForATeamLeadAndTheDecisionIsAudited() {
        String id = fleet.create("POLARDB2RDS_SYNCING", 5);
        long r = request("dba", "DBA", id, MigrationAction.ROLL_BACK);
        assertThat(state(r)).isEqualTo(RequestState.PENDING);
        assertThat(jdbc.sql("select count(*) from migration_request where id = :r and state = 'APPROVED'").param("r", r)
                .query(Integer.class).single()).isZero();

        TestUsers.loginAs("lead", "TEAM_LEAD");
        assertThat(approvals.inbox()).extracting(x -> x.id()).contains(r);
        assertThat(approvals.pendingCount()).isGreaterThanOrEqualTo(1);
        approvals.approve(r, "Checked with the application team");

        var approved = migrations.findRequest(r).orElseThrow();
        assertThat(approved.state()).isEqualTo(RequestState.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo("lead");
        assertThat(approved.decisionComment()).isEqualTo("Checked with the application team");
        assertThat(auditActions(r)).containsExactly("request.created", "request.approved");
        assertThat(jdbc.sql("select actor || '/' || actor_roles from audit_event where request_id = :r order by seq")
                .param("r", r).query(String.class).list()).containsExactly("dba/DBA", "lead/TEAM_LEAD");
    }

    @Test
    void aRequesterCanNeverApproveTheirOwnRequestEvenAsTeamLead() {
        String id = fleet.create("POLARDB2RDS_SYNCING", 5);
        long r = request("lead", "TEAM_LEAD", id, MigrationAction.COMPLETE);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        assertThatThrownBy(() -> approvals.approve(r, "self"))
                .isInstanceOf(ActionRefusedException.class)
                .hasMessage("You made request #" + r + ": another team lead must decide on it.");
        assertThat(state(r)).isEqualTo(RequestState.PENDING);
        assertThat(auditActions(r)).contains("request.decision-refused");

        TestUsers.loginAs("lead2", "TEAM_LEAD");
        approvals.approve(r, "");
        assertThat(state(r)).isEqualTo(RequestState.APPROVED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DBA", "AUDITOR", "ADMIN"})
    void onlyTeamLeadsDecide(String role) {
        String id = fleet.create("RDS2POLARDB_SYNCING", 5);
        long r = request("dba", "DBA", id, MigrationAction.CANCEL);
        TestUsers.loginAs("someone", role);
        assertThatThrownBy(() -> approvals.approve(r, "")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> approvals.reject(r, "no")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> approvals.inbox()).isInstanceOf(AccessDeniedException.class);
        assertThat(state(r)).isEqualTo(RequestState.PENDING);
        assertThat(jdbc.sql("select count(*) from audit_event where actor = 'someone' and action = 'access.denied'")
                .query(Integer.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRejectionNeedsACommentAndARejectedRequestNeverRuns() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 5);
        long r = request("dba", "DBA", id, MigrationAction.SWITCH_OVER);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        assertThatThrownBy(() -> approvals.reject(r, "  ")).hasMessage("Say why you reject it: a comment is required.");
        approvals.reject(r, "Not during the sales peak");
        assertThat(state(r)).isEqualTo(RequestState.REJECTED);
        assertThatThrownBy(() -> approvals.approve(r, "")).hasMessage("Request #" + r + " is already rejected.");

        executor.claimReadyRequests();
        assertThat(executor.isRunning(r)).isFalse();
        assertThat(state(r)).isEqualTo(RequestState.REJECTED);
        assertThat(fleet.pair(id).performCount("precheck")).isZero();
    }

    @Test
    void requestersWithdrawTheirOwnRequestsOnlyAndOnlyBeforeTheyRun() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 5);
        long r = request("dba", "DBA", id, MigrationAction.CANCEL);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        assertThatThrownBy(() -> migrations.withdraw(r)).hasMessage("Only dba, who made request #" + r + ", can withdraw it.");
        TestUsers.loginAs("dba", "DBA");
        migrations.withdraw(r);
        assertThat(state(r)).isEqualTo(RequestState.WITHDRAWN);
        assertThatThrownBy(() -> migrations.withdraw(r))
                .hasMessage("Request #" + r + " is withdrawn: only a request that has not started can be withdrawn.");
        assertThat(auditActions(r)).containsExactly("request.created", "request.withdraw-refused",
                "request.withdrawn", "request.withdraw-refused");
        TestUsers.loginAs("auditor", "AUDITOR");
        assertThatThrownBy(() -> migrations.withdraw(r)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aRequestNotDecidedInTimeExpiresAndCannotRun() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 5);
        long pending = request("dba", "DBA", id, MigrationAction.CANCEL);
        expireNow(pending);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        assertThatThrownBy(() -> approvals.approve(pending, ""))
                .hasMessage("Request #" + pending + " has expired and can no longer be approved.");
        assertThat(state(pending)).isEqualTo(RequestState.EXPIRED);

        String other = fleet.create("RDS2POLARDB_SYNCING", 5);
        long approved = request("dba", "DBA", other, MigrationAction.CANCEL);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        approvals.approve(approved, "");
        expireNow(approved);
        executor.claimReadyRequests();
        assertThat(state(approved)).as("an expired approval is not claimed").isEqualTo(RequestState.APPROVED);
        approvals.expireOverdue();
        assertThat(state(approved)).isEqualTo(RequestState.EXPIRED);
        assertThat(auditActions(approved)).endsWith("request.expired");
        assertThat(fleet.pair(other).performCount("precheck")).isZero();
    }

    @Test
    void atExecutionTimeTheActionMustStillBeAllowed() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 5);
        long r = request("dba", "DBA", id, MigrationAction.CANCEL);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        approvals.approve(r, "");
        // Meanwhile the migration switched over outside Switchback.
        simulated.put(id, "POLARDB2RDS_SYNCING", 5);

        jdbc.sql("update migration_request set state = 'EXECUTING', executor_id = 'test', heartbeat_at = now() where id = :r")
                .param("r", r).update();
        assertThat(runner.run(new com.switchback.migration.Lease(r, "test", 0, false), OperationRunner.Checkpoint.NEVER)).isEqualTo(OperationRunner.Result.FAILED);
        var failed = migrations.findRequest(r).orElseThrow();
        assertThat(failed.state()).isEqualTo(RequestState.FAILED);
        assertThat(failed.error()).startsWith("No longer allowed: Cancel Migration is only possible while the status is");
        assertThat(fleet.pair(id).performCount("begin")).isZero();
    }

    @Test
    void dozensOfApproversAndExecutorsAtOnceLeadToOneApprovalAndOneExecution() throws Exception {
        String id = fleet.create("POLARDB2RDS_SYNCING", 5);
        long r = request("dba", "DBA", id, MigrationAction.ROLL_BACK);
        List<Callable<Boolean>> clicks = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            String lead = i % 2 == 0 ? "lead" : "lead2";
            clicks.add(() -> {
                TestUsers.loginAs(lead, "TEAM_LEAD");
                try {
                    approvals.approve(r, "ok");
                    return true;
                } catch (ActionRefusedException refused) {
                    return false;
                } finally {
                    TestUsers.logout();
                }
            });
        }
        assertThat(countTrue(clicks)).isEqualTo(1);
        assertThat(auditActions(r).stream().filter("request.approved"::equals).count()).isEqualTo(1);

        // Many executor threads (as on several nodes) look for work at once: the request runs once.
        List<Callable<Boolean>> pollers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            pollers.add(() -> {
                executor.claimReadyRequests();
                return true;
            });
        }
        countTrue(pollers);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> state(r) == RequestState.SUCCEEDED && !executor.isRunning(r));
        int steps = jdbc.sql("select count(*) from operation_step where request_id = :r").param("r", r)
                .query(Integer.class).single();
        assertThat(auditActions(r).stream().filter("execution.started"::equals).count()).isEqualTo(1);
        assertThat(auditActions(r).stream().filter("step.finished"::equals).count()).isEqualTo(steps);
        assertThat(fleet.pair(id).performCount("polardb-read-only")).isEqualTo(1);
    }

    private static int countTrue(List<Callable<Boolean>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> t : tasks) {
                results.add(pool.submit(() -> {
                    start.await();
                    return t.call();
                }));
            }
            start.countDown();
            int n = 0;
            for (Future<Boolean> f : results) {
                n += f.get() ? 1 : 0;
            }
            return n;
        } finally {
            pool.shutdownNow();
        }
    }

    private long request(String user, String role, String clusterId, MigrationAction action) {
        TestUsers.loginAs(user, role);
        try {
            return migrations.request(clusterId, action, true, "Approval test").id();
        } finally {
            TestUsers.logout();
        }
    }

    private RequestState state(long r) {
        return RequestState.valueOf(jdbc.sql("select state from migration_request where id = :r").param("r", r)
                .query(String.class).single());
    }

    private List<String> auditActions(long r) {
        return jdbc.sql("select action from audit_event where request_id = :r order by seq").param("r", r)
                .query(String.class).list();
    }

    /** Time passes: the request's validity ends now (no waiting in a test). */
    private void expireNow(long r) {
        jdbc.sql("update migration_request set expires_at = now() - interval '1 second' where id = :r").param("r", r).update();
    }
}
