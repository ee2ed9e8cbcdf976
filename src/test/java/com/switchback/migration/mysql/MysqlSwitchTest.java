package com.switchback.migration.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.switchback.migration.Endpoint;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.OperationRunner;
import com.switchback.migration.ReadWriteMode;
import com.switchback.migration.Topology;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md §3 on real servers: while an application writes through the endpoints, Switch Over
 * and Roll Back lose no acknowledged write and never make both servers writable.
 */
class MysqlSwitchTest extends MysqlLabTest {

    private static final int WRITES_PER_SECOND = 200;

    @Test
    void theStatusIsReadFromTheServersAndHaproxy() throws Exception {
        MigrationSnapshot s = backend.describe(CLUSTER);
        assertThat(s.status()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(s.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(s.clusterMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(s.topology()).isEqualTo(Topology.RDS2POLARDB);
        assertThat(s.delayedSeconds()).isZero();
        assertThat(s.comment()).isEmpty();
        assertThat(s.endpoints()).extracting(Endpoint::port, Endpoint::type).containsExactly(
                org.assertj.core.groups.Tuple.tuple(lab.rdsEndpointPort, "HAProxy → rds"),
                org.assertj.core.groups.Tuple.tuple(lab.polardbEndpointPort, "HAProxy → polardb"));

        sql(lab.polardb, "stop slave");
        MigrationSnapshot stopped = backend.describe(CLUSTER);
        assertThat(stopped.comment()).contains("Replication on PolarDB is not running");
        assertThat(stopped.delayedSeconds()).isEqualTo(-1);
    }

    @Test
    void anUnreachableServerIsShownAsSuchNotAsStaleData() {
        var pair = new MysqlPair(new MysqlProperties.Pair(CLUSTER, "rm-x", "", "lab",
                new MysqlProperties.Server("127.0.0.1", lab.rds.port, "switchback", lab.adminPassword, null, null),
                new MysqlProperties.Server("127.0.0.1", MysqlLab.freePort(), "switchback", lab.adminPassword, null, null),
                new MysqlProperties.Account("repl", lab.replicationPassword),
                new MysqlProperties.Haproxy("127.0.0.1:" + lab.haproxyApiPort,
                        new MysqlProperties.Endpoint(MysqlLab.RDS_BACKEND, "127.0.0.1", lab.rdsEndpointPort),
                        new MysqlProperties.Endpoint(MysqlLab.POLARDB_BACKEND, "127.0.0.1", lab.polardbEndpointPort),
                        MysqlLab.RDS_SERVER, MysqlLab.POLARDB_SERVER),
                Duration.ofSeconds(5), null));
        MigrationSnapshot s = PairStatus.snapshot(pair, pair.read(), java.util.Optional.empty());

        assertThat(s.status()).isEqualTo("UNREACHABLE");
        assertThat(s.clusterMode()).as("not guessed").isNull();
        assertThat(s.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(s.comment()).contains("PolarDB (127.0.0.1:").contains("is unreachable");
        assertThat(com.switchback.migration.ActionRules.check(s.status(), s.delayedSeconds(), MigrationAction.CANCEL)
                .allowed()).isFalse();
    }

    @Test
    void switchOverAndRollBackWithEndpointsLoseNoWriteAndNeverMakeTwoWriters() throws Exception {
        try (var watch = new TwoWriterMonitor(lab);
             var writer = new SteadyWriter(lab, lab.rdsEndpointPort, WRITES_PER_SECOND)) {
            awaitWrites(writer, 50);
            long switchOver = approved(MigrationAction.SWITCH_OVER, true);
            assertThat(executor.run("executor-A", switchOver)).isEqualTo(OperationRunner.Result.SUCCEEDED);
            double switchPause = writer.longestPauseMillis();
            MigrationSnapshot switched = executor.stored(CLUSTER);
            assertThat(switched.status()).isEqualTo("POLARDB2RDS_SYNCING");
            assertThat(switched.clusterMode()).isEqualTo(ReadWriteMode.rw);
            assertThat(switched.rdsMode()).isEqualTo(ReadWriteMode.ro);
            assertThat(switched.endpoints()).extracting(Endpoint::type)
                    .containsExactly("HAProxy → polardb", "HAProxy → rds");
            awaitWrites(writer, writer.acknowledged().size() + 50);

            long rollBack = approved(MigrationAction.ROLL_BACK, true);
            assertThat(executor.run("executor-A", rollBack)).isEqualTo(OperationRunner.Result.SUCCEEDED);
            awaitWrites(writer, writer.acknowledged().size() + 50);
            writer.close();
            watch.close();

            assertBackHomeWithEveryWrite(writer);
            assertThat(watch.error()).isNull();
            assertThat(watch.samples()).as("the monitor sampled all along").isGreaterThan(100);
            assertThat(watch.twoWritersSeen()).isZero();
            System.out.printf("Write pause with endpoints: switch over %.0f ms, whole run %.0f ms, %d failed writes%n",
                    switchPause, writer.longestPauseMillis(), writer.failures());
        }
    }

    @Test
    void withoutEndpointsTheApplicationMovesWhenSwitchbackReportsTheNewWriter() throws Exception {
        try (var watch = new TwoWriterMonitor(lab);
             var writer = new SteadyWriter(lab, lab.rdsEndpointPort, WRITES_PER_SECOND)) {
            awaitWrites(writer, 50);
            long switchOver = approved(MigrationAction.SWITCH_OVER, false);
            assertThat(executor.run("executor-A", switchOver)).isEqualTo(OperationRunner.Result.SUCCEEDED);
            assertThat(executor.stored(CLUSTER).clusterMode()).isEqualTo(ReadWriteMode.rw);
            assertThat(executor.stored(CLUSTER).endpoints()).extracting(Endpoint::type)
                    .as("the endpoints stay where they were").containsExactly("HAProxy → rds", "HAProxy → polardb");
            writer.switchTo(lab.polardbEndpointPort);
            awaitWrites(writer, writer.acknowledged().size() + 50);

            long rollBack = approved(MigrationAction.ROLL_BACK, false);
            assertThat(executor.run("executor-A", rollBack)).isEqualTo(OperationRunner.Result.SUCCEEDED);
            assertThat(executor.stored(CLUSTER).rdsMode()).isEqualTo(ReadWriteMode.rw);
            writer.switchTo(lab.rdsEndpointPort);
            awaitWrites(writer, writer.acknowledged().size() + 50);
            writer.close();
            watch.close();

            assertBackHomeWithEveryWrite(writer);
            assertThat(watch.samples()).isGreaterThan(100);
            assertThat(watch.twoWritersSeen()).isZero();
        }
    }

    @Test
    void cancelBreaksTheLinkForGoodAndKeepsTheData() throws Exception {
        try (var writer = new SteadyWriter(lab, lab.rdsEndpointPort, WRITES_PER_SECOND)) {
            awaitWrites(writer, 100);
            writer.close();
            await().atMost(Duration.ofSeconds(20)).until(() -> ids(lab.polardb).containsAll(writer.acknowledged()));

            long cancel = approved(MigrationAction.CANCEL, false);
            assertThat(executor.run("executor-A", cancel)).isEqualTo(OperationRunner.Result.SUCCEEDED);

            try (var c = lab.polardb.root()) {
                assertThat(MysqlServer.replica(c)).as("no link left on the replica").isEmpty();
            }
            assertThat(ids(lab.polardb)).containsAll(writer.acknowledged());
            MigrationSnapshot end = executor.stored(CLUSTER);
            assertThat(end.status()).isEqualTo("NO_MIGRATION");
            assertThat(end.rdsMode()).isEqualTo(ReadWriteMode.rw);
            assertThat(end.clusterMode()).isEqualTo(ReadWriteMode.rw);
            assertThat(end.topology()).isNull();
        }
    }

    private void assertBackHomeWithEveryWrite(SteadyWriter writer) throws Exception {
        assertThat(writer.acknowledged()).hasSizeGreaterThan(150);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids(lab.polardb).containsAll(writer.acknowledged()));
        assertThat(ids(lab.rds)).containsAll(writer.acknowledged());
        MigrationSnapshot home = backend.describe(CLUSTER);
        assertThat(home.status()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(home.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(home.clusterMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(home.topology()).isEqualTo(Topology.RDS2POLARDB);
        assertThat(home.endpoints()).extracting(Endpoint::type).containsExactly("HAProxy → rds", "HAProxy → polardb");
        assertThat(home.comment()).isEmpty();
    }

    private static void awaitWrites(SteadyWriter writer, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledged().size() >= count);
    }
}
