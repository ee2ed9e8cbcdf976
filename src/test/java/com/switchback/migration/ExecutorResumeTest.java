package com.switchback.migration;

import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.SwitchbackTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.simulated.SimulatedBackend;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * docs/architecture.md §3 on the simulated backend: stop the executor between each pair of steps of each
 * action, start another on the same database, and check that it resumes, repeats no step that
 * already took effect, and never leaves both sides writable.
 */
@SwitchbackTest
class ExecutorResumeTest {

    private static final Duration LONG_AGO = Duration.ofSeconds(30);

    @Autowired MigrationService service;
    @Autowired com.switchback.approval.ApprovalService approvals;
    @Autowired RequestRepository requests;
    @Autowired RequestLifecycle lifecycle;
    @Autowired MigrationRepository migrations;
    @Autowired OperationRunner runner;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;

    private TestFleet fleet;

    record Case(MigrationAction action, boolean swap, String from, String to) {
        @Override
        public String toString() {
            return action + (action.hasEndpointOption() ? (swap ? " with endpoints" : " without endpoints") : "")
                    + " from " + from;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case(MigrationAction.SWITCH_OVER, true, "RDS2POLARDB_SYNCING", "POLARDB2RDS_SYNCING"),
                new Case(MigrationAction.SWITCH_OVER, false, "RDS2POLARDB_SYNCING", "POLARDB2RDS_SYNCING"),
                new Case(MigrationAction.ROLL_BACK, true, "POLARDB2RDS_SYNCING", "RDS2POLARDB_SYNCING"),
                new Case(MigrationAction.ROLL_BACK, false, "POLARDB2RDS_SYNCING", "RDS2POLARDB_SYNCING"),
                new Case(MigrationAction.CANCEL, false, "RDS2POLARDB_SYNCING", "NO_MIGRATION"),
                new Case(MigrationAction.CANCEL, false, "RDS2POLARDB_CLONING", "NO_MIGRATION"),
                new Case(MigrationAction.COMPLETE, false, "POLARDB2RDS_SYNCING", "NO_MIGRATION"));
    }

    @BeforeEach
    void setUp() {
        fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
    }

    @AfterEach
    void tearDown() {
        simulated.faults().clear();
        TestUsers.logout();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anExecutorStoppedBetweenAnyTwoStepsIsResumedByAnotherWithoutRepeatingAStep(Case c) {
        int stepCount = simulated.plan(fleet.create(c.from(), 5), c.action(), c.swap()).size();
        assertThat(stepCount).isGreaterThanOrEqualTo(4);
        for (int stopBefore = 1; stopBefore < stepCount; stopBefore++) {
            String clusterId = fleet.create(c.from(), 5);
            long id = request(clusterId, c.action(), c.swap());
            final int stop = stopBefore;

            Lease a = lifecycle.claim("executor-A", LONG_AGO).orElseThrow();
            assertThat(a.requestId()).isEqualTo(id);
            assertThat(runner.run(a, seq -> seq == stop)).isEqualTo(OperationRunner.Result.STOPPED);
            List<StepRecord> journal = requests.steps(id);
            assertThat(journal).hasSize(stepCount);
            for (StepRecord s : journal) {
                assertThat(s.state()).as("step %d after stopping before %d", s.seq(), stop)
                        .isEqualTo(s.seq() < stop ? StepRecord.StepState.DONE : StepRecord.StepState.PENDING);
            }
            assertThat(fleet.pair(clusterId).twoWritersSeen()).isFalse();

            // Executor A is gone. A new one claims the request once A's heartbeat is stale.
            assertThat(lifecycle.claim("executor-B", LONG_AGO)).as("a live claim is not taken over").isEmpty();
            Lease b = lifecycle.claim("executor-B", Duration.ZERO).orElseThrow();
            assertThat(b.requestId()).isEqualTo(id);
            assertThat(b.takeover()).isTrue();
            assertThat(b.epoch()).isGreaterThan(a.epoch());
            assertThat(runner.run(b, OperationRunner.Checkpoint.NEVER))
                    .isEqualTo(OperationRunner.Result.SUCCEEDED);

            assertThat(requests.find(id).orElseThrow().state()).isEqualTo(RequestState.SUCCEEDED);
            assertThat(requests.steps(id)).allMatch(s -> s.state() == StepRecord.StepState.DONE);
            for (StepRecord s : requests.steps(id)) {
                assertThat(fleet.pair(clusterId).performCount(s.key()))
                        .as("times step %s acted (stopped before %d)", s.key(), stop).isLessThanOrEqualTo(1);
            }
            assertThat(fleet.pair(clusterId).performCount("precheck")).isEqualTo(1);
            assertThat(fleet.pair(clusterId).twoWritersSeen()).isFalse();
            MigrationSnapshot end = migrations.find(clusterId).orElseThrow().snapshot();
            assertThat(end.status()).isEqualTo(c.to());
            assertFinalState(c, end);
        }
    }

    @Test
    void aStepThatTookEffectBeforeTheCrashIsRecordedNotRepeated() throws Exception {
        String clusterId = fleet.create("POLARDB2RDS_SYNCING", 5);
        long id = request(clusterId, MigrationAction.ROLL_BACK, false);
        int polarReadOnly = 2;
        assertThat(requests.steps(id).get(polarReadOnly).key()).isEqualTo("polardb-read-only");

        Lease a = lifecycle.claim("executor-A", LONG_AGO).orElseThrow();
        runner.run(a, seq -> seq == polarReadOnly);
        // A crashes inside the step: the effect happened, the journal still says RUNNING.
        requests.stepRunning(a, polarReadOnly);
        simulated.plan(clusterId, MigrationAction.ROLL_BACK, false).get(polarReadOnly).perform(Fence.NONE);
        assertThat(fleet.pair(clusterId).performCount("polardb-read-only")).isEqualTo(1);

        Lease b = lifecycle.claim("executor-B", Duration.ZERO).orElseThrow();
        assertThat(runner.run(b, OperationRunner.Checkpoint.NEVER))
                .isEqualTo(OperationRunner.Result.SUCCEEDED);

        assertThat(fleet.pair(clusterId).performCount("polardb-read-only")).isEqualTo(1);
        assertThat(requests.steps(id).get(polarReadOnly).note()).isEqualTo("Already in effect; not repeated.");
        assertThat(fleet.pair(clusterId).twoWritersSeen()).isFalse();
    }

    @Test
    void anExecutorNeverStartsARequestItIsStillRunningWhenItsHeartbeatLooksLate() throws Exception {
        String clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        var entered = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        simulated.faults().holdStep(clusterId, "rds-read-only", entered, release);
        long id = request(clusterId, MigrationAction.SWITCH_OVER, true);
        // Every claim sees the request as abandoned: stale after zero seconds.
        var executor = new MigrationExecutor(lifecycle, runner, true, Duration.ZERO, Duration.ofMinutes(1), 8);
        try {
            executor.claimReadyRequests();
            assertThat(entered.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            executor.claimReadyRequests();
            executor.claimReadyRequests();
            release.countDown();
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                    .until(() -> requests.find(id).orElseThrow().state() == RequestState.SUCCEEDED);
        } finally {
            release.countDown();
            executor.stop();
        }
        assertThat(fleet.pair(clusterId).performCount("rds-read-only")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where request_id = :id and action = 'step.finished'")
                .param("id", id).query(Integer.class).single()).isEqualTo(requests.steps(id).size());
    }

    @Test
    void anExecutorThatLostItsClaimStopsWithoutActing() {
        String clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        long id = request(clusterId, MigrationAction.SWITCH_OVER, true);
        Lease a = lifecycle.claim("executor-A", LONG_AGO).orElseThrow();
        Lease b = lifecycle.claim("executor-B", Duration.ZERO).orElseThrow();

        assertThat(runner.run(a, OperationRunner.Checkpoint.NEVER))
                .isEqualTo(OperationRunner.Result.LOST_OWNERSHIP);
        assertThat(fleet.pair(clusterId).performCount("precheck")).isZero();
        assertThat(runner.run(b, OperationRunner.Checkpoint.NEVER))
                .isEqualTo(OperationRunner.Result.SUCCEEDED);
    }

    @Test
    void aFailingStepEndsTheRequestWithTheStepTheErrorAndTheStateLeftBehind() {
        String clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        simulated.faults().failStep(clusterId, "polardb-caught-up");
        long id = request(clusterId, MigrationAction.SWITCH_OVER, true);
        Lease a = lifecycle.claim("executor-A", LONG_AGO).orElseThrow();

        assertThat(runner.run(a, OperationRunner.Checkpoint.NEVER)).isEqualTo(OperationRunner.Result.FAILED);

        MigrationRequest failed = requests.find(id).orElseThrow();
        assertThat(failed.state()).isEqualTo(RequestState.FAILED);
        assertThat(failed.error()).startsWith("Step 4 \"Wait until PolarDB has applied every RDS transaction (GTID)\" failed")
                .contains("Injected fault");
        assertThat(failed.stateLeft()).contains("Source RDS Read Only").contains("PolarDB Read Only");
        List<StepRecord> steps = requests.steps(id);
        assertThat(steps.get(3).state()).isEqualTo(StepRecord.StepState.FAILED);
        assertThat(steps.get(4).state()).isEqualTo(StepRecord.StepState.PENDING);
        // Unavailable, never split: neither side was made writable.
        assertThat(fleet.pair(clusterId).twoWritersSeen()).isFalse();
        assertThat(fleet.pair(clusterId).performCount("polardb-read-write")).isZero();
    }

    @Test
    void aLinkThatBreaksAfterTheRequestStopsTheRunAtThePrecheck() {
        String clusterId = fleet.create("POLARDB2RDS_SYNCING", 5);
        long id = request(clusterId, MigrationAction.ROLL_BACK, true);
        simulated.breakLink(clusterId);
        Lease a = lifecycle.claim("executor-A", LONG_AGO).orElseThrow();

        assertThat(runner.run(a, OperationRunner.Checkpoint.NEVER)).isEqualTo(OperationRunner.Result.FAILED);
        MigrationRequest failed = requests.find(id).orElseThrow();
        assertThat(failed.error()).startsWith("Step 1").contains("Replication link healthy — Replication stopped");
        assertThat(failed.stateLeft()).contains("exception: Replication stopped");
        assertThat(fleet.pair(clusterId).performCount("begin")).isZero();
    }

    @Test
    void theStatusIsCheckedAgainWhenTheRequestRuns() {
        String clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        long id = request(clusterId, MigrationAction.SWITCH_OVER, false);
        simulated.spikeLatency(clusterId, 300);
        Lease a = lifecycle.claim("executor-A", LONG_AGO).orElseThrow();

        assertThat(runner.run(a, OperationRunner.Checkpoint.NEVER)).isEqualTo(OperationRunner.Result.FAILED);
        assertThat(requests.find(id).orElseThrow().error()).contains("Replication latency is 300 s");
    }

    /** A DBA asks, a team lead approves: the request is ready for an executor. */
    private long request(String clusterId, MigrationAction action, boolean swap) {
        return TestExecutor.approvedRequest(service, approvals, clusterId, action, swap);
    }

    private static void assertFinalState(Case c, MigrationSnapshot end) {
        switch (c.action()) {
            case SWITCH_OVER -> {
                assertThat(end.rdsMode()).isEqualTo(ReadWriteMode.ro);
                assertThat(end.clusterMode()).isEqualTo(ReadWriteMode.rw);
                assertThat(end.topology()).isEqualTo(Topology.POLARDB2RDS);
                assertThat(rdsEndpointPointsToPolarDb(end)).isEqualTo(c.swap());
            }
            case ROLL_BACK -> {
                assertThat(end.rdsMode()).isEqualTo(ReadWriteMode.rw);
                assertThat(end.clusterMode()).isEqualTo(ReadWriteMode.ro);
                assertThat(end.topology()).isEqualTo(Topology.RDS2POLARDB);
                if (c.swap()) {
                    assertThat(rdsEndpointPointsToPolarDb(end)).isFalse();
                }
            }
            case CANCEL -> {
                assertThat(end.clusterMode()).isEqualTo(ReadWriteMode.rw);
                assertThat(end.topology()).isNull();
            }
            case COMPLETE -> assertThat(end.topology()).isNull();
        }
    }

    private static boolean rdsEndpointPointsToPolarDb(MigrationSnapshot s) {
        return s.endpoints().stream().filter(e -> e.side() == Endpoint.Side.RDS)
                .anyMatch(e -> e.routesTo() == Endpoint.Side.POLARDB);
    }
}
