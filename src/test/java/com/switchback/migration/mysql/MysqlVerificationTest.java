package com.switchback.migration.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.TestUsers;
import com.switchback.verification.Verification;
import com.switchback.verification.VerificationRunner;
import com.switchback.verification.VerificationService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Verify Data on real servers (DD015): both sides compared at the same point of the replication
 * stream while an application writes; each kind of difference, made behind replication's back on
 * one side, is found with its key; a run stopped in the middle resumes without comparing its
 * finished chunks again.
 */
class MysqlVerificationTest extends MysqlLabTest {

    /** The default chunk: tables of this many rows and a bit take two or three chunks. */
    private static final int CHUNK = 10_000;

    @Autowired VerificationService verifications;
    @Autowired VerificationRunner runner;

    @Test
    void aCleanPairUnderASteadyWriterHasNoDifference() throws Exception {
        lab.table("items", 25_000);
        try (var writer = new SteadyWriter(lab, lab.rdsEndpointPort, 200)) {
            awaitWrites(writer, 20);
            Verification v = verify();
            assertThat(writer.acknowledged().size()).as("the application wrote during the run").isGreaterThan(20);
            assertThat(v.state()).isEqualTo(Verification.State.DONE);
            assertThat(v.clean()).as(String.valueOf(verifications.tables(v.id()))).isTrue();
            var items = table(v, "shop.items");
            assertThat(items.rowsCompared()).isEqualTo(25_000);
            assertThat(items.matching()).isEqualTo(25_000);
            assertThat(items.chunks()).isEqualTo(3);
        }
    }

    @Test
    void eachKindOfDifferenceIsFoundWithItsKey() throws Exception {
        lab.table("items", 12_000);
        sql(lab.rds, "create table shop.no_key (a int, b varchar(8))", "insert into shop.no_key values (1, 'x')");
        // Behind replication's back: on PolarDB a changed, a deleted and an extra row; on RDS a table PolarDB lacks.
        sql(lab.polardb, "set sql_log_bin = 0", "update shop.items set label = 'changed' where id = 11500",
                "delete from shop.items where id = 42", "insert into shop.items (id, label) values (900001, 'extra')");
        sql(lab.rds, "set sql_log_bin = 0", "create table shop.only_on_rds (id int primary key)",
                "insert into shop.only_on_rds values (7), (8)");

        Verification v = verify();
        assertThat(v.state()).isEqualTo(Verification.State.DONE);
        assertThat(v.clean()).isFalse();
        assertThat(verifications.differences(v.id())).extracting(d -> d.table() + " " + d.kind() + " " + d.key())
                .containsExactlyInAnyOrder(
                        "shop.items DIFFERENT [\"11500\"]",
                        "shop.items MISSING_ON_POLARDB [\"42\"]",
                        "shop.items MISSING_ON_RDS [\"900001\"]",
                        "shop.only_on_rds MISSING_ON_POLARDB [\"7\"]",
                        "shop.only_on_rds MISSING_ON_POLARDB [\"8\"]");
        assertThat(table(v, "shop.no_key").notCheckable()).startsWith("No primary key and no unique key");
        assertThat(table(v, "shop.items").matching()).isEqualTo(12_000 - 2);
        assertThat(MysqlServer.replica(lab.polardb.root()).orElseThrow().running())
                .as("no checksum statement ever stopped the replica").isTrue();
    }

    @Test
    void aRunStoppedInTheMiddleResumesWithoutComparingFinishedChunksAgain() throws Exception {
        lab.table("items", 35_000);
        TestUsers.loginAs("dba", "DBA");
        Verification started = verifications.start(CLUSTER);
        assertThat(runner.runNext(2)).isTrue();
        Verification halfway = verifications.find(started.id()).orElseThrow();
        assertThat(halfway.state()).isEqualTo(Verification.State.RUNNING);
        assertThat(halfway.chunksDone()).isEqualTo(2);

        // The node is gone: once its heartbeat is stale, another takes the run over from its journal.
        jdbc.sql("update verification set heartbeat_at = now() - interval '1 hour' where id = :id")
                .param("id", started.id()).update();
        assertThat(runner.runNext()).isTrue();
        Verification done = verifications.find(started.id()).orElseThrow();
        assertThat(done.state()).isEqualTo(Verification.State.DONE);
        assertThat(done.clean()).isTrue();
        assertThat(table(done, "shop.items").chunks()).as("4 chunks, none compared twice").isEqualTo(4);
        assertThat(table(done, "shop.items").rowsCompared()).isEqualTo(35_000);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'verification.taken-over'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void aLargeChunkThatDiffersIsComparedInPartsAndOnlyTheDifferingPartRowByRow() throws Exception {
        lab.table("items", 30_000);
        sql(lab.polardb, "set sql_log_bin = 0", "update shop.items set note = 'changed' where id = 25123");
        try (var check = backend.dataCheck(CLUSTER)) {
            var items = check.tables().stream().filter(t -> t.name().equals("shop.items")).findFirst().orElseThrow();
            var chunk = check.compare(items, null, 30_000);
            assertThat(chunk.last()).as("the whole table in one chunk: nothing after it").isNull();
            assertThat(chunk.rows()).isEqualTo(30_000);
            assertThat(chunk.matching()).isEqualTo(29_999);
            assertThat(chunk.differences()).extracting(d -> d.kind() + " " + d.key())
                    .containsExactly("DIFFERENT [25123]");
        }
    }

    @Test
    void withoutStatementsBothSidesAreReadDirectlyAndTheSameDifferencesAreFound() throws Exception {
        lab.table("items", 12_000);
        sql(lab.polardb, "set sql_log_bin = 0", "update shop.items set label = 'changed' where id = 11500",
                "delete from shop.items where id = 42", "insert into shop.items (id, label) values (900001, 'extra')");
        var account = new MysqlProperties.Server("127.0.0.1", lab.rds.port, "switchback", lab.adminPassword, null, null);
        var other = new MysqlProperties.Server("127.0.0.1", lab.polardb.port, "switchback", lab.adminPassword, null, null);
        String before;
        try (var c = lab.rds.root()) {
            before = MysqlServer.writtenPosition(c, MysqlServer.Dialect.MARIADB);
        }
        List<String> found = new java.util.ArrayList<>();
        try (var check = DirectDataCheck.open(account, other, () -> 0, java.time.Duration.ofMillis(50))) {
            for (var t : check.tables()) {
                List<String> after = null;
                do {
                    var chunk = check.compare(t, after, 5_000);
                    chunk.differences().forEach(d -> found.add(t.name() + " " + d.kind() + " " + d.key()));
                    after = chunk.last();
                } while (after != null && t.checkable());
            }
        }
        assertThat(found).containsExactlyInAnyOrder("shop.items DIFFERENT [11500]", "shop.items MISSING_ON_POLARDB [42]",
                "shop.items MISSING_ON_RDS [900001]");
        try (var c = lab.rds.root()) {
            assertThat(MysqlServer.writtenPosition(c, MysqlServer.Dialect.MARIADB)).as("it only reads").isEqualTo(before);
        }
    }

    private Verification verify() {
        TestUsers.loginAs("dba", "DBA");
        Verification v = verifications.start(CLUSTER);
        assertThat(runner.runNext()).isTrue();
        return verifications.find(v.id()).orElseThrow();
    }

    private Verification.Table table(Verification v, String name) {
        return verifications.tables(v.id()).stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private static void awaitWrites(SteadyWriter writer, int n) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> writer.acknowledged().size() >= n);
    }
}
