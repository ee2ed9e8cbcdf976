package com.switchback.migration.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.switchback.TestUsers;
import com.switchback.verification.Verification;
import com.switchback.verification.VerificationService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a test: Verify Data's throughput through the path a user takes — the whole
 * application with its scheduler running, a verification started through the service and run by
 * the background runner — on one table of 1,000,000 rows and on 10 tables of 100,000, against
 * Percona's {@code pt-table-checksum} (Debian package {@code percona-toolkit}) on the same servers
 * in the same run. Prints rows per second for both. Run with
 * {@code .ci/mvn -Pproduction,bench verify -Dit.test=MysqlVerifyBench}.
 */
@TestPropertySource(properties = {
        "switchback.scheduling.enabled=true",
        "switchback.poll.interval=PT0.5S",
        "switchback.verification.poll=PT0.2S"})
class MysqlVerifyBench extends MysqlLabTest {

    private static final int RUNS = 3;

    @Autowired VerificationService verifications;

    record Case(String name, int tables, int rows) {
        long total() {
            return (long) tables * rows;
        }
    }

    @Test
    void throughputAgainstPtTableChecksum() throws Exception {
        List<String> lines = new ArrayList<>();
        for (Case c : List.of(new Case("1 table of 1,000,000 rows", 1, 1_000_000),
                new Case("10 tables of 100,000 rows", 10, 100_000))) {
            lab.reset();
            load(c);
            List<Double> ours = new ArrayList<>();
            List<Double> writerOnly = new ArrayList<>();
            List<Double> withReplica = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                ours.add(throughSwitchback(c));
                Double pt = ptTableChecksum(c, false);
                if (pt != null) {
                    writerOnly.add(pt);
                    withReplica.add(ptTableChecksum(c, true));
                }
            }
            lines.add(String.format("%s: Switchback %s rows/s (runs %s)", c.name(), median(ours), ours));
            if (writerOnly.isEmpty()) {
                lines.add(c.name() + ": pt-table-checksum not installed (apt-get install percona-toolkit)");
            } else {
                lines.add(String.format("%s: pt-table-checksum, writer only (no replica check) %s rows/s (runs %s)",
                        c.name(), median(writerOnly), writerOnly));
                lines.add(String.format("%s: pt-table-checksum, checking the replica %s rows/s (runs %s)",
                        c.name(), median(withReplica), withReplica));
            }
        }
        lines.forEach(l -> System.out.println("BENCH verify data | " + l));
    }

    /** Rows per second, from the click (the service call) until the run is DONE, with every chunk journaled. */
    private double throughSwitchback(Case c) {
        TestUsers.loginAs("dba", "DBA");
        long start = System.nanoTime();
        Verification v = verifications.start(CLUSTER);
        await().atMost(Duration.ofMinutes(15)).pollInSameThread().pollInterval(Duration.ofMillis(50))
                .until(() -> verifications.find(v.id()).orElseThrow().state() != Verification.State.RUNNING
                        && verifications.find(v.id()).orElseThrow().state() != Verification.State.QUEUED);
        double seconds = (System.nanoTime() - start) / 1e9;
        Verification done = verifications.find(v.id()).orElseThrow();
        assertThat(done.clean()).as(String.valueOf(done)).isTrue();
        assertThat(done.rowsDone()).isGreaterThanOrEqualTo(c.total());
        return Math.round(c.total() / seconds);
    }

    /**
     * The same servers through pt-table-checksum's own chunking (statement-based on the writer, as ours):
     * writer only ({@code --recursion-method=none}: it does not wait for the replica's checksums), or
     * checking the replica (named in a DSN table: it waits for the replica and compares, as Switchback does).
     */
    private Double ptTableChecksum(Case c, boolean checkReplica) throws Exception {
        if (!Files.isExecutable(Path.of("/usr/bin/pt-table-checksum"))) {
            return null;
        }
        String recursion = "--recursion-method=none";
        if (checkReplica) {
            MysqlLab.sql(lab.rds, "create database if not exists percona",
                    "create table if not exists percona.dsns (id int auto_increment primary key, parent_id int, "
                            + "dsn varchar(255) not null)",
                    "insert into percona.dsns (dsn) values ('h=127.0.0.1,P=" + lab.polardb.port + ",u=switchback,p="
                            + lab.adminPassword + "')");
            recursion = "--recursion-method=dsn=D=percona,t=dsns";
        }
        Path log = Files.createTempFile("pt-table-checksum", ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder("pt-table-checksum", "--no-check-binlog-format", "--no-check-replication-filters",
                recursion, "--replicate=percona.checksums", "--databases=shop",
                "h=127.0.0.1,P=" + lab.rds.port + ",u=switchback,p=" + lab.adminPassword)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(15, TimeUnit.MINUTES)).isTrue();
        double seconds = (System.nanoTime() - start) / 1e9;
        String out = Files.readString(log);
        assertThat(out).as(out).contains("shop.");
        // pt-table-checksum's own bookkeeping differs between the servers by design: not part of the next comparison.
        MysqlLab.sql(lab.rds, "drop database if exists percona");
        lab.caughtUp();
        return (double) Math.round(c.total() / seconds);
    }

    private void load(Case c) throws Exception {
        for (int t = 0; t < c.tables(); t++) {
            lab.table("bench_" + t, c.rows());
        }
        MysqlLab.sql(lab.rds, "analyze table " + String.join(", ", java.util.stream.IntStream.range(0, c.tables())
                .mapToObj(t -> "shop.bench_" + t).toList()));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
