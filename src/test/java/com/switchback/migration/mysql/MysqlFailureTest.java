package com.switchback.migration.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.switchback.TestUsers;
import com.switchback.base.ActionRefusedException;
import com.switchback.migration.Endpoint;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.OperationRunner;
import com.switchback.migration.ReadWriteMode;
import com.switchback.migration.RequestPlan;
import com.switchback.migration.RequestState;
import com.switchback.migration.StepRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What goes wrong on real servers is refused, undone or retried — and said plainly. */
class MysqlFailureTest extends MysqlLabTest {

    @Test
    void replicationBrokenByAConflictingRowIsRefusedByThePrecheckWithTheServersError() throws Exception {
        long id = approved(MigrationAction.SWITCH_OVER, true);
        // A row written on PolarDB behind replication's back, then the same key on RDS: the SQL thread stops.
        sql(lab.polardb, "set sql_log_bin = 0", "insert into shop.writes (id) values (424242)");
        sql(lab.rds, "insert into shop.writes (id) values (424242)");
        await().atMost(Duration.ofSeconds(20)).until(() -> backend.describe(CLUSTER).comment().contains("Duplicate entry"));

        TestUsers.loginAs("lead", "TEAM_LEAD");
        RequestPlan plan = service.plan(id);
        TestUsers.logout();
        assertThat(plan.allPassed()).isFalse();
        assertThat(plan.checks()).filteredOn(c -> c.name().equals("Replication link RDS → PolarDB"))
                .singleElement().satisfies(c -> {
                    assertThat(c.passed()).isFalse();
                    assertThat(c.detail()).contains("SQL thread").contains("Duplicate entry '424242'");
                });

        assertThat(executor.run("executor-A", id)).isEqualTo(OperationRunner.Result.FAILED);
        // Refused before any step: the latency is no longer measured, and the reason is the server's error.
        assertThat(executor.request(id).error()).startsWith("No longer allowed").contains("Duplicate entry '424242'");
        assertThat(executor.steps(id)).allMatch(s -> s.state() == StepRecord.StepState.PENDING);
        MigrationSnapshot after = backend.describe(CLUSTER);
        assertThat(after.rdsMode()).as("nothing changed").isEqualTo(ReadWriteMode.rw);
        assertThat(after.clusterMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(after.status()).isEqualTo("RDS2POLARDB_SYNCING");
    }

    @Test
    void aCatchUpThatTimesOutUndoesTheActionAndSaysSo() throws Exception {
        // PolarDB applies events only 30 s after they were written: its threads run, it is just late.
        sql(lab.polardb, "stop slave", "change master to master_delay = 30", "start slave");
        // Until the restarted replica has reconnected its latency is unmeasured, and no switch-over is allowed.
        await().atMost(Duration.ofSeconds(20)).until(() -> backend.describe(CLUSTER).delayedSeconds() >= 0);
        long id = approved(MigrationAction.SWITCH_OVER, false);
        sql(lab.rds, "insert into shop.writes (id) values (1)");

        try (var watch = new TwoWriterMonitor(lab)) {
            assertThat(executor.run("executor-A", id)).isEqualTo(OperationRunner.Result.FAILED);
            watch.close();
            assertThat(watch.twoWritersSeen()).isZero();
        }
        String error = executor.request(id).error();
        assertThat(error).contains("Wait until PolarDB has applied every RDS transaction")
                .contains("did not finish within 5 s").contains("The action undid itself")
                .contains("Source RDS is Read/Write again");
        MigrationSnapshot after = backend.describe(CLUSTER);
        assertThat(after.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(after.clusterMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(after.status()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(executor.request(id).stateLeft()).contains("Source RDS Read/Write").contains("PolarDB Read Only");
        List<String> audited = jdbc.sql("select details from audit_event where request_id = :id and action = 'step.failed'")
                .param("id", id).query(String.class).list();
        assertThat(audited).singleElement().asString().contains("The action undid itself");
        TestUsers.loginAs("dba", "DBA");
        assertThat(service.retryRefusal(executor.request(id)).english()).as("undone, not half done").contains("new request");
    }

    @Test
    void haproxyDownFailsTheEndpointStepClearlyAndTheActionCanBeRetried() throws Exception {
        long id = approved(MigrationAction.SWITCH_OVER, true);
        int swap = indexOf(id, "swap-endpoints");
        assertThat(executor.runUntil("executor-A", id, seq -> seq == swap)).isEqualTo(OperationRunner.Result.STOPPED);
        lab.stopHaproxy();

        assertThat(executor.run("executor-B", id)).isEqualTo(OperationRunner.Result.FAILED);
        assertThat(executor.request(id).error()).contains("Swap the endpoints: each routes to the other side")
                .contains("HAProxy's runtime API at 127.0.0.1:" + lab.haproxyApiPort + " is unreachable");
        assertThat(executor.stored(CLUSTER).status()).isEqualTo("SWITCHING");
        assertThat(executor.stored(CLUSTER).clusterMode()).isEqualTo(ReadWriteMode.rw);

        lab.ensureHaproxy();
        TestUsers.loginAs("dba2", "DBA");
        assertThatThrownBy(() -> service.retry(id, " ")).isInstanceOf(ActionRefusedException.class)
                .hasMessage("A reason is required.");
        service.retry(id, "HAProxy is back");
        assertThatThrownBy(() -> service.retry(id, "again")).isInstanceOf(ActionRefusedException.class)
                .hasMessageContaining("only a failed request can be retried");
        TestUsers.logout();

        assertThat(executor.run("executor-C", id)).isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(executor.request(id).state()).isEqualTo(RequestState.SUCCEEDED);
        assertThat(executor.steps(id)).allMatch(s -> s.state() == StepRecord.StepState.DONE);
        MigrationSnapshot end = executor.stored(CLUSTER);
        assertThat(end.status()).isEqualTo("POLARDB2RDS_SYNCING");
        assertThat(end.endpoints()).extracting(Endpoint::type).containsExactly("HAProxy → polardb", "HAProxy → rds");
        List<String> trail = jdbc.sql("select action from audit_event where request_id = :id order by seq")
                .param("id", id).query(String.class).list();
        assertThat(trail).contains("execution.failed", "request.retried", "execution.resumed", "execution.succeeded");
    }

    @Test
    void theFirstStepRefusesWhenAPreCheckFailsAndNothingChanges() throws Exception {
        long id = approved(MigrationAction.SWITCH_OVER, true);
        lab.stopHaproxy();

        assertThat(executor.run("executor-A", id)).isEqualTo(OperationRunner.Result.FAILED);

        assertThat(executor.request(id).error()).startsWith("Step 1").contains("HAProxy reachable — ")
                .contains("is unreachable");
        assertThat(executor.steps(id).getFirst().state()).isEqualTo(StepRecord.StepState.FAILED);
        MigrationSnapshot after = backend.describe(CLUSTER);
        assertThat(after.status()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(after.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(after.clusterMode()).isEqualTo(ReadWriteMode.ro);
    }

    private int indexOf(long id, String key) {
        return executor.steps(id).stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().seq();
    }
}
