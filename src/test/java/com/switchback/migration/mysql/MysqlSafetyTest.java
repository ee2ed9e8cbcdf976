package com.switchback.migration.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.switchback.TestUsers;
import com.switchback.migration.Lease;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.OperationRunner;
import com.switchback.migration.ReadWriteMode;
import com.switchback.migration.RequestPlan;
import com.switchback.migration.RequestState;
import com.switchback.migration.StepRecord;
import com.switchback.migration.Topology;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The safety promises on real servers: a stalled run that was taken over acts on nothing; a write
 * through an account that bypasses read_only undoes the switch; an errant transaction is refused
 * before anything moves; an undo cut short by PostgreSQL is finished by Repair.
 */
class MysqlSafetyTest extends MysqlLabTest {

    @AfterEach
    void cleanUp() throws Exception {
        JdbcClient.create(ownerDataSource).sql("drop trigger if exists phase_outage on mysql_pair_phase").update();
        sql(lab.rds, "set sql_log_bin = 0", "drop user if exists 'roa'@'%'");
    }

    @Test
    void aStalledRunTakenOverAfterTheWindowActsOnNothingAndTheNewOwnerFinishes() throws Exception {
        long id = approved(MigrationAction.SWITCH_OVER, true);
        int relink = indexOf(id, "reverse-link");
        var stalled = new CountDownLatch(1);
        var resume = new CountDownLatch(1);
        try (var watch = new TwoWriterMonitor(lab)) {
            Lease a = executor.claim("executor-A");
            // A stalls at the step boundary after the read-only window (a long pause, SIGSTOP, …).
            CompletableFuture<OperationRunner.Result> runA = CompletableFuture.supplyAsync(() ->
                    executor.run(a, seq -> {
                        if (seq == relink) {
                            stalled.countDown();
                            await().atMost(Duration.ofSeconds(60)).until(() -> resume.getCount() == 0);
                        }
                        return false;
                    }));
            assertThat(stalled.await(30, TimeUnit.SECONDS)).isTrue();

            Lease b = executor.claim("executor-B");
            assertThat(b.takeover()).isTrue();
            assertThat(executor.run(b)).isEqualTo(OperationRunner.Result.SUCCEEDED);
            var journal = executor.steps(id);
            resume.countDown();
            assertThat(runA.get(20, TimeUnit.SECONDS)).isEqualTo(OperationRunner.Result.LOST_OWNERSHIP);
            assertThat(executor.steps(id)).as("A wrote nothing").isEqualTo(journal);
            watch.close();
            assertThat(watch.twoWritersSeen()).isZero();
        }
        List<String> trail = actions(id);
        assertThat(trail).containsOnlyOnce("execution.started", "execution.taken-over", "execution.succeeded",
                "window.opened").doesNotContain("execution.failed", "step.failed");
        assertThat(backend.describe(CLUSTER).status()).isEqualTo("POLARDB2RDS_SYNCING");
    }

    @Test
    void aWriteThroughAnAccountThatBypassesReadOnlyUndoesTheSwitchOverAndNamesTheAccount() throws Exception {
        sql(lab.rds, "set sql_log_bin = 0", "create user 'roa'@'%' identified by 'roa-password-1'",
                "grant read_only admin, insert on *.* to 'roa'@'%'");
        long id = approved(MigrationAction.SWITCH_OVER, false);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        RequestPlan plan = service.plan(id);
        TestUsers.logout();
        assertThat(plan.checks()).filteredOn(c -> c.name().equals("Accounts that bypass read_only on Source RDS"))
                .singleElement().satisfies(c -> {
                    assertThat(c.warning()).isTrue();
                    assertThat(c.passed()).as("a warning blocks nothing").isTrue();
                    assertThat(c.detail()).contains("'roa'@'%'");
                });

        int promote = indexOf(id, "polardb-read-write");
        assertThat(executor.runUntil("executor-A", id, seq -> seq == promote)).isEqualTo(OperationRunner.Result.STOPPED);
        // RDS is read-only now; an account with READ_ONLY ADMIN writes anyway.
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + lab.rds.port + "/shop",
                "roa", "roa-password-1"); Statement s = c.createStatement()) {
            s.execute("insert into shop.writes (id) values (777)");
        }

        try (var watch = new TwoWriterMonitor(lab)) {
            assertThat(executor.run("executor-B", id)).isEqualTo(OperationRunner.Result.FAILED);
            watch.close();
            assertThat(watch.twoWritersSeen()).isZero();
        }
        assertThat(executor.request(id).error()).contains("Set PolarDB read-write")
                .contains("was written to after it was made read-only").contains("'roa'@'%'")
                .contains("The action undid itself");
        MigrationSnapshot after = backend.describe(CLUSTER);
        assertThat(after.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(after.clusterMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(after.status()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(ids(lab.rds)).contains(777L);
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(lab.polardb).contains(777L));
    }

    @Test
    void anErrantTransactionOnPolarDbIsRefusedByThePrecheckAndNothingMoves() throws Exception {
        // Written on the read-only replica by root (who bypasses read_only), into its binary log.
        sql(lab.polardb, "insert into shop.writes (id) values (31337)");
        long id = approved(MigrationAction.SWITCH_OVER, true);

        TestUsers.loginAs("lead", "TEAM_LEAD");
        RequestPlan plan = service.plan(id);
        TestUsers.logout();
        assertThat(plan.checks()).filteredOn(c -> c.name().equals("No errant transactions on PolarDB"))
                .singleElement().satisfies(c -> {
                    assertThat(c.passed()).isFalse();
                    assertThat(c.detail()).contains("0-2-");
                });
        assertThat(plan.checks()).filteredOn(c -> c.name().equals("gtid_strict_mode on both servers"))
                .singleElement().satisfies(c -> assertThat(c.passed()).isTrue());

        assertThat(executor.run("executor-A", id)).isEqualTo(OperationRunner.Result.FAILED);
        assertThat(executor.request(id).error()).startsWith("Step 1").contains("No errant transactions on PolarDB");
        MigrationSnapshot after = backend.describe(CLUSTER);
        assertThat(after.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(after.clusterMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(after.status()).isEqualTo("RDS2POLARDB_SYNCING");
    }

    @Test
    void anUndoCutShortByPostgresLeavesAPairThatOnlyRepairReturnsToASafeState() throws Exception {
        // PolarDB applies 30 s late, so the catch-up times out and the action undoes itself...
        sql(lab.polardb, "stop slave", "change master to master_delay = 30", "start slave");
        // ...and PostgreSQL fails the last part of the undo, clearing the in-flight mark.
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        owner.sql("""
                create or replace function phase_outage() returns trigger language plpgsql as $$
                begin raise exception 'PostgreSQL is unavailable (test)'; end; $$""").update();
        owner.sql("create trigger phase_outage before delete on mysql_pair_phase for each row execute function phase_outage()")
                .update();
        long id = approved(MigrationAction.SWITCH_OVER, false);
        sql(lab.rds, "insert into shop.writes (id) values (5)");

        assertThat(executor.run("executor-A", id)).isEqualTo(OperationRunner.Result.FAILED);
        owner.sql("drop trigger phase_outage on mysql_pair_phase").update();
        sql(lab.polardb, "stop slave", "change master to master_delay = 0", "start slave");
        MigrationSnapshot stuck = backend.describe(CLUSTER);
        assertThat(stuck.status()).isEqualTo("SWITCHING");
        assertThat(stuck.rdsMode()).isEqualTo(ReadWriteMode.rw);

        // Retrying the half-done action cannot help: its old writer is a moving target.
        TestUsers.loginAs("dba", "DBA");
        service.retry(id, "try again");
        TestUsers.logout();
        assertThat(executor.run("executor-B", id)).isEqualTo(OperationRunner.Result.FAILED);
        assertThat(executor.request(id).error()).contains("writable again");
        monitor.poll(CLUSTER);
        TestUsers.loginAs("dba", "DBA");
        assertThat(service.overview(CLUSTER).orElseThrow().repairNeeded()).isTrue();
        TestUsers.logout();

        long repair = approved(MigrationAction.REPAIR, false);
        try (var watch = new TwoWriterMonitor(lab)) {
            assertThat(executor.run("executor-C", repair)).isEqualTo(OperationRunner.Result.SUCCEEDED);
            watch.close();
            assertThat(watch.twoWritersSeen()).isZero();
        }
        MigrationSnapshot end = backend.describe(CLUSTER);
        assertThat(end.status()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(end.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(end.clusterMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(end.topology()).isEqualTo(Topology.RDS2POLARDB);
        assertThat(executor.request(repair).state()).isEqualTo(RequestState.SUCCEEDED);
        sql(lab.rds, "insert into shop.writes (id) values (6)");
        await().atMost(Duration.ofSeconds(10)).until(() -> ids(lab.polardb).containsAll(List.of(5L, 6L)));
    }

    private int indexOf(long id, String key) {
        return executor.steps(id).stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow().seq();
    }

    private List<String> actions(long id) {
        return jdbc.sql("select action from audit_event where request_id = :r order by seq").param("r", id)
                .query(String.class).list();
    }
}
