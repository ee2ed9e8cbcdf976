package com.switchback.migration.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.switchback.migration.Endpoint;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.OperationRunner;
import com.switchback.migration.ReadWriteMode;
import com.switchback.migration.StepRecord;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md §3.3 on real servers: stop the executor at each step boundary of a switch over and
 * of a roll back, start another on the same database: the action completes, no step that was done
 * is run again, every acknowledged write survives, and both servers are never writable together.
 */
class MysqlResumeTest extends MysqlLabTest {

    enum Case {
        SWITCH_OVER(MigrationAction.SWITCH_OVER, "POLARDB2RDS_SYNCING"),
        ROLL_BACK(MigrationAction.ROLL_BACK, "RDS2POLARDB_SYNCING");

        final MigrationAction action;
        final String ends;

        Case(MigrationAction action, String ends) {
            this.action = action;
            this.ends = ends;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void anExecutorStoppedAtAnyStepBoundaryIsResumedByAnother(Case c) throws Exception {
        int stepCount = backend.plan(CLUSTER, c.action, true).size();
        for (int stopBefore = 1; stopBefore < stepCount; stopBefore++) {
            startWhereTheActionStarts(c);
            try (var watch = new TwoWriterMonitor(lab);
                 var writer = new SteadyWriter(lab, lab.rdsEndpointPort, 100)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> writer.acknowledged().size() >= 20);
                long id = approved(c.action, true);
                int stop = stopBefore;
                assertThat(executor.runUntil("executor-A", id, seq -> seq == stop)).isEqualTo(OperationRunner.Result.STOPPED);
                for (StepRecord s : executor.steps(id)) {
                    assertThat(s.state()).as("step %d after stopping before %d", s.seq(), stop)
                            .isEqualTo(s.seq() < stop ? StepRecord.StepState.DONE : StepRecord.StepState.PENDING);
                }

                assertThat(executor.run("executor-B", id)).as("resumed after stopping before step %d", stop)
                        .isEqualTo(OperationRunner.Result.SUCCEEDED);
                assertThat(executor.steps(id)).allMatch(s -> s.state() == StepRecord.StepState.DONE);
                // Executor B ran only what A had not: A's finished steps were not started again.
                assertThat(jdbc.sql("select count(*) from audit_event where request_id = :id and action = 'step.finished'")
                        .param("id", id).query(Integer.class).single()).isEqualTo(stepCount);
                await().atMost(Duration.ofSeconds(20)).until(() -> writer.acknowledged().size() >= 40);
                writer.close();
                watch.close();
                assertThat(watch.twoWritersSeen()).as("two writers, stopping before step %d", stop).isZero();
                MigrationSnapshot end = backend.describe(CLUSTER);
                assertThat(end.status()).isEqualTo(c.ends);
                Set<Long> acked = writer.acknowledged();
                MysqlLab.Mariadb replica = c.action == MigrationAction.SWITCH_OVER ? lab.rds : lab.polardb;
                await().atMost(Duration.ofSeconds(20)).until(() -> ids(replica).containsAll(acked));
                assertThat(ids(c.action == MigrationAction.SWITCH_OVER ? lab.polardb : lab.rds)).containsAll(acked);
            }
        }
    }

    /** A linked pair, switched over first when the action is a roll back. */
    private void startWhereTheActionStarts(Case c) throws Exception {
        startFromALinkedPair();
        if (c.action == MigrationAction.ROLL_BACK) {
            assertThat(executor.run("executor-0", approved(MigrationAction.SWITCH_OVER, true)))
                    .isEqualTo(OperationRunner.Result.SUCCEEDED);
        }
    }

    /** The executor's process dies (as with kill -9) at a point inside the read-only window. */
    static final class Died extends Error {
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void anExecutorThatDiesInsideTheReadOnlyWindowIsResumedByAnother(Case c) throws Exception {
        var plan = backend.plan(CLUSTER, c.action, true);
        int first = -1;
        int last = -1;
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).windowRole() != null) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        assertThat(last - first).as("demote, catch up, promote, endpoints").isEqualTo(3);
        for (int dieBefore = first + 1; dieBefore <= last; dieBefore++) {
            startWhereTheActionStarts(c);
            try (var watch = new TwoWriterMonitor(lab);
                 var writer = new SteadyWriter(lab, lab.rdsEndpointPort, 100)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> writer.acknowledged().size() >= 20);
                long id = approved(c.action, true);
                int die = dieBefore;
                var a = executor.claim("executor-A");
                assertThatThrownBy(() -> executor.run(a, seq -> {
                    if (seq == die) {
                        throw new Died();
                    }
                    return false;
                })).isInstanceOf(Died.class);
                // Nothing was journaled inside the window: its steps still say RUNNING.
                assertThat(executor.steps(id).get(die).state()).isEqualTo(StepRecord.StepState.RUNNING);

                executor.leaseRanOut(id);
                assertThat(executor.run("executor-B", id)).as("resumed after dying before step %d", die)
                        .isEqualTo(OperationRunner.Result.SUCCEEDED);
                assertThat(executor.steps(id)).allMatch(s -> s.state() == StepRecord.StepState.DONE);
                await().atMost(Duration.ofSeconds(20)).until(() -> writer.acknowledged().size() >= 40);
                writer.close();
                watch.close();
                assertThat(watch.twoWritersSeen()).as("two writers, dying before step %d", die).isZero();
                assertThat(backend.describe(CLUSTER).status()).isEqualTo(c.ends);
                Set<Long> acked = writer.acknowledged();
                MysqlLab.Mariadb newWriter = c.action == MigrationAction.SWITCH_OVER ? lab.polardb : lab.rds;
                MysqlLab.Mariadb replica = c.action == MigrationAction.SWITCH_OVER ? lab.rds : lab.polardb;
                assertThat(ids(newWriter)).containsAll(acked);
                await().atMost(Duration.ofSeconds(20)).until(() -> ids(replica).containsAll(acked));
            }
        }
    }

    @Test
    void everyHandoverRecordsTheWritePauseItCaused() throws Exception {
        long id = approved(MigrationAction.SWITCH_OVER, true);
        assertThat(executor.run("executor-A", id)).isEqualTo(OperationRunner.Result.SUCCEEDED);
        var done = executor.request(id);
        assertThat(done.writePauseMs()).isNotNull().isPositive();
        assertThat(done.writePauseEndpointsMs()).isGreaterThanOrEqualTo(done.writePauseMs());
        assertThat(done.writePause()).startsWith("Writes paused " + done.writePauseMs() + " ms (demotion → promotion)");
        assertThat(jdbc.sql("select details from audit_event where request_id = :id and action = 'window.closed'")
                .param("id", id).query(String.class).single()).isEqualTo(done.writePause());
    }

    @Test
    void aStepThatTookEffectBeforeTheCrashIsRecordedNotRepeated() throws Exception {
        long id = approved(MigrationAction.SWITCH_OVER, true);
        int promote = executor.steps(id).stream().filter(s -> s.key().equals("polardb-read-write"))
                .findFirst().orElseThrow().seq();
        assertThat(executor.runUntil("executor-A", id, seq -> seq == promote)).isEqualTo(OperationRunner.Result.STOPPED);
        // A crashes inside the step: PolarDB was made writable, the journal still says RUNNING.
        executor.markRunning(id, promote);
        backend.plan(CLUSTER, MigrationAction.SWITCH_OVER, true).get(promote).perform(com.switchback.migration.Fence.NONE);

        assertThat(executor.run("executor-B", id)).isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(executor.steps(id).get(promote).note()).isEqualTo("Already in effect; not repeated.");
        MigrationSnapshot end = backend.describe(CLUSTER);
        assertThat(end.clusterMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(end.rdsMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(end.endpoints()).extracting(Endpoint::type).containsExactly("HAProxy → polardb", "HAProxy → rds");
    }
}
