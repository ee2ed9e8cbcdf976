package com.switchback.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fencing (docs/architecture.md): every claim gets a new epoch; a run that was taken over while it
 * stalled inside a step performs no side effect and writes nothing once it resumes.
 */
class FencingTest extends SimulatedFleetTest {

    private static final Duration LONG_AGO = Duration.ofSeconds(30);

    @Test
    void aStalledRunThatWasTakenOverActsOnNothingAndWritesNothingWhenItResumes() throws Exception {
        String clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // A stalls inside "Set PolarDB read-write", in the read-only window, before its fence check.
        simulated.faults().holdStep(clusterId, "polardb-read-write", entered, release);
        long id = approvedRequest(clusterId, MigrationAction.SWITCH_OVER, true);

        Lease a = lifecycle.claim("executor-A", LONG_AGO).orElseThrow();
        CompletableFuture<OperationRunner.Result> runA = CompletableFuture.supplyAsync(
                () -> runner.run(a, OperationRunner.Checkpoint.NEVER));
        assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();

        // A holds the lease for its read-only window (2 s in tests), then sends nothing: B takes over once
        // it ran out, with a newer epoch, and finishes the action.
        assertThat(lifecycle.claim("executor-B", Duration.ZERO)).as("not while the window's lease holds").isEmpty();
        Lease b = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> lifecycle.claim("executor-B", Duration.ZERO), java.util.Optional::isPresent).orElseThrow();
        assertThat(b.requestId()).isEqualTo(id);
        assertThat(b.takeover()).isTrue();
        assertThat(b.epoch()).isEqualTo(a.epoch() + 1);
        assertThat(runner.run(b, OperationRunner.Checkpoint.NEVER)).isEqualTo(OperationRunner.Result.SUCCEEDED);
        List<StepRecord> journalAfterB = requests.steps(id);
        long eventsAfterB = auditCount(id);

        release.countDown();
        assertThat(runA.get(20, TimeUnit.SECONDS)).isEqualTo(OperationRunner.Result.LOST_OWNERSHIP);

        assertThat(fleet.pair(clusterId).performCount("polardb-read-write")).as("only B promoted PolarDB").isEqualTo(1);
        assertThat(requests.steps(id)).as("A wrote nothing to the journal").isEqualTo(journalAfterB);
        assertThat(auditCount(id)).as("A wrote no audit event").isEqualTo(eventsAfterB);
        assertThat(actions(id)).containsOnlyOnce("execution.started", "execution.taken-over", "execution.succeeded");
        assertThat(requests.find(id).orElseThrow().state()).isEqualTo(RequestState.SUCCEEDED);
        assertThat(fleet.pair(clusterId).twoWritersSeen()).isFalse();
    }

    @Test
    void aWriteWithAStaleEpochChangesNothing() {
        String clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        long id = approvedRequest(clusterId, MigrationAction.CANCEL, false);
        Lease a = lifecycle.claim("executor-A", LONG_AGO).orElseThrow();
        Lease b = lifecycle.claim("executor-B", Duration.ZERO).orElseThrow();

        assertThat(requests.stepRunning(a, 0)).isFalse();
        assertThat(requests.stepDone(a, 0, "stale")).isFalse();
        assertThatThrownBy(() -> lifecycle.inRun(a, () -> requests.stepDone(a, 0, "stale")))
                .isInstanceOf(FencedException.class);
        assertThatThrownBy(() -> lifecycle.touch(a)).isInstanceOf(FencedException.class);
        assertThatThrownBy(() -> lifecycle.finish(a, RequestTransition.SUCCEED, requests.find(id).orElseThrow(),
                null, null, "stale")).isInstanceOf(FencedException.class);
        assertThat(requests.find(id).orElseThrow().state()).isEqualTo(RequestState.EXECUTING);
        assertThat(requests.steps(id).getFirst().state()).isEqualTo(StepRecord.StepState.PENDING);

        assertThat(requests.stepRunning(b, 0)).isTrue();
        lifecycle.touch(b);
    }

    @Test
    void theClaimAndTheTakeoverAreAuditedWithTheirEpochInTheSameTransaction() {
        String clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        long id = approvedRequest(clusterId, MigrationAction.CANCEL, false);

        Lease a = lifecycle.claim("executor-A", LONG_AGO).orElseThrow();
        assertThat(details(id, "execution.started")).contains("executor-A").contains("epoch " + a.epoch());
        Lease b = lifecycle.claim("executor-B", Duration.ZERO).orElseThrow();
        assertThat(details(id, "execution.taken-over")).contains("executor-B").contains("from executor-A")
                .contains("epoch " + b.epoch());
        assertThat(requests.find(id).orElseThrow().epoch()).isEqualTo(b.epoch());
    }

    @Test
    void aRunStoppedWhileItWaitsAtTheNextFenceCheck() throws Exception {
        String clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        long id = approvedRequest(clusterId, MigrationAction.SWITCH_OVER, false);
        Lease a = lifecycle.claim("executor-A", LONG_AGO).orElseThrow();
        lifecycle.claim("executor-B", Duration.ZERO).orElseThrow();

        // A's side effects all come after a fence check: it changes nothing on the pair.
        assertThat(runner.run(a, OperationRunner.Checkpoint.NEVER)).isEqualTo(OperationRunner.Result.LOST_OWNERSHIP);
        assertThat(fleet.pair(clusterId).performCount("precheck")).isZero();
        assertThat(fleet.pair(clusterId).performCount("begin")).isZero();
        assertThat(requests.find(id).orElseThrow().executorId()).isEqualTo("executor-B");
    }

    private long auditCount(long requestId) {
        return jdbc.sql("select count(*) from audit_event where request_id = :r").param("r", requestId)
                .query(Long.class).single();
    }

    private List<String> actions(long requestId) {
        return jdbc.sql("select action from audit_event where request_id = :r order by seq").param("r", requestId)
                .query(String.class).list();
    }

    private String details(long requestId, String action) {
        return jdbc.sql("select details from audit_event where request_id = :r and action = :a order by seq desc limit 1")
                .param("r", requestId).param("a", action).query(String.class).single();
    }
}
