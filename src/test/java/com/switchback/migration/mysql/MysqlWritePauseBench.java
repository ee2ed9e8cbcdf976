package com.switchback.migration.mysql;

import com.switchback.base.ActionRefusedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.switchback.TestUsers;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.RequestState;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * Benchmark, not a test: the write pause of each handover — the longest time between two
 * acknowledged commits of an application writing numbered rows at a steady rate — through the path
 * a user takes: the whole application with its scheduled executor, poller, simulation and push
 * running, a request made by a DBA and approved by a team lead through the services; and, on the
 * same servers in the same run, a plain scripted flip (demote, wait for the GTID, promote, switch
 * both endpoints, relink). Prints both, their ratio, lost rows and samples with two writers. Run with
 * {@code .ci/mvn -Pproduction,bench verify -Dit.test=MysqlWritePauseBench}.
 */
@TestPropertySource(properties = {
        "switchback.scheduling.enabled=true",
        "switchback.poll.interval=PT0.5S",
        "switchback.executor.interval=PT0.2S",
        "switchback.simulated.step-duration=PT0.2S"})
class MysqlWritePauseBench extends MysqlLabTest {

    private static final int RUNS = 5;

    @Autowired MigrationEvents events;

    record Case(MigrationAction action, boolean swap, int rate) {
        @Override
        public String toString() {
            return (action == MigrationAction.SWITCH_OVER ? "Switch Over" : "Roll Back")
                    + (swap ? " with endpoints" : " without endpoints") + " | " + rate;
        }
    }

    record Measure(double pauseMs, long lost, long bothWritable) {
    }

    @Test
    void writePauseThroughTheRunningApplicationAgainstAPlainFlip() throws Exception {
        // Push: a listener re-reads the migration on every change, as an open cluster page does.
        Runnable unsubscribe = events.subscribe(ids -> {
            if (ids.contains(CLUSTER)) {
                SecurityContextHolder.getContext().setAuthentication(TestUsers.authentication("viewer", "DBA"));
                service.overview(CLUSTER);
                SecurityContextHolder.clearContext();
            }
        });
        Map<Case, List<Measure[]>> results = new LinkedHashMap<>();
        try {
            for (int rate : new int[] {200, 1000}) {
                for (MigrationAction action : List.of(MigrationAction.SWITCH_OVER, MigrationAction.ROLL_BACK)) {
                    for (boolean swap : new boolean[] {true, false}) {
                        Case c = new Case(action, swap, rate);
                        for (int run = 0; run < RUNS; run++) {
                            // The scripted flip starts as late as Switchback's executor typically does.
                            Measure reference = measure(c, Duration.ofMillis(500), () -> referenceFlip(c));
                            Measure switchback = measure(c, Duration.ZERO, () -> throughSwitchback(c));
                            results.computeIfAbsent(c, k -> new ArrayList<>()).add(new Measure[] {reference, switchback});
                        }
                    }
                }
            }
        } finally {
            unsubscribe.run();
        }
        System.out.println("BENCH write pause: the longest gap between two acknowledged commits in each run, "
                + RUNS + " runs per row (ms; median of the runs / the worst run)");
        System.out.println("| action | rate (writes/s) | reference flip | Switchback | ratio | lost rows | both-writable samples |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        results.forEach((c, runs) -> {
            List<Double> refs = sorted(runs.stream().map(m -> m[0].pauseMs()).toList());
            List<Double> sbs = sorted(runs.stream().map(m -> m[1].pauseMs()).toList());
            long lost = runs.stream().mapToLong(m -> m[0].lost() + m[1].lost()).sum();
            long both = runs.stream().mapToLong(m -> m[0].bothWritable() + m[1].bothWritable()).sum();
            double refMedian = refs.get(refs.size() / 2);
            double sbMedian = sbs.get(sbs.size() / 2);
            System.out.printf("| %s | %.0f / %.0f | %.0f / %.0f | %.2f / %.2f | %d | %d |%n", c, refMedian,
                    refs.getLast(), sbMedian, sbs.getLast(), sbMedian / refMedian, sbs.getLast() / refs.getLast(), lost, both);
        });
    }

    private static List<Double> sorted(List<Double> values) {
        List<Double> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    @FunctionalInterface
    interface Flip {
        void run() throws Exception;
    }

    /** Every measurement spans the same time, so both are equally exposed to the machine's other work. */
    private static final Duration SPAN = Duration.ofSeconds(2);

    /** Puts the pair where the action starts, runs the flip under a steady writer, and measures. */
    private Measure measure(Case c, Duration leadIn, Flip flip) throws Exception {
        if (c.action() == MigrationAction.SWITCH_OVER) {
            lab.reset();
        } else {
            lab.resetSwitchedOver();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> backend.describe(CLUSTER).delayedSeconds() >= 0);
        monitor.poll(CLUSTER);
        // The application writes through the RDS endpoint, which reaches the writer in both starting
        // states; where the endpoints do not move, it knows the other endpoint too and tries it after an error.
        try (var watch = new TwoWriterMonitor(lab); var writer = new SteadyWriter(lab, lab.rdsEndpointPort, c.rate())) {
            if (!c.swap()) {
                writer.failOverTo(lab.polardbEndpointPort);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledged().size() >= c.rate() / 2);
            writer.startMeasuring();
            long start = System.nanoTime();
            // Lead-in: the writer commits for that long first (measured by its own commits, not by sleeping).
            long before = writer.acknowledged().size();
            long leadRows = c.rate() * leadIn.toMillis() / 1000;
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledged().size() >= before + leadRows);
            flip.run();
            long after = writer.acknowledged().size();
            await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledged().size() >= after + c.rate() / 4
                    && System.nanoTime() - start >= SPAN.toNanos());
            writer.close();
            watch.close();
            MysqlLab.Mariadb newWriter = c.action() == MigrationAction.SWITCH_OVER ? lab.polardb : lab.rds;
            Set<Long> acked = writer.acknowledged();
            Set<Long> present = ids(newWriter);
            long lost = acked.stream().filter(id -> !present.contains(id)).count();
            return new Measure(writer.longestPauseMillis(), lost, watch.twoWritersSeen());
        }
    }

    /** A DBA asks, a team lead approves; the scheduled executor runs it while the poller and push go on. */
    private void throughSwitchback(Case c) {
        // The background poller may store a reading from just before the reset: ask again until it is current.
        long id = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .ignoreException(com.switchback.base.ActionRefusedException.class)
                .until(() -> approved(c.action(), c.swap()), requestId -> true);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            MigrationRequest r = executor.request(id);
            return !r.state().open();
        });
        assertThat(executor.request(id).state()).isEqualTo(RequestState.SUCCEEDED);
    }

    /** The floor: the same flip, scripted, with its connections opened beforehand. */
    private void referenceFlip(Case c) throws Exception {
        boolean toPolardb = c.action() == MigrationAction.SWITCH_OVER;
        MysqlLab.Mariadb oldWriter = toPolardb ? lab.rds : lab.polardb;
        MysqlLab.Mariadb newWriter = toPolardb ? lab.polardb : lab.rds;
        HaproxyRuntime haproxy = lab.runtime();
        try (Connection o = oldWriter.root(); Connection n = newWriter.root();
             HaproxyRuntime.Session h = c.swap() ? haproxy.openSession() : null) {
            execute(o, "set global read_only = ON");
            String position = text(o, "select @@global.gtid_binlog_pos");
            assertThat(text(n, "select master_gtid_wait('" + position + "', 30)")).isEqualTo("0");
            execute(n, "stop slave");
            execute(n, "reset slave all");
            execute(n, "set global read_only = OFF");
            if (c.swap()) {
                Map<String, String> targets = new LinkedHashMap<>();
                targets.put(MysqlLab.RDS_BACKEND, toPolardb ? MysqlLab.POLARDB_SERVER : MysqlLab.RDS_SERVER);
                targets.put(MysqlLab.POLARDB_BACKEND, toPolardb ? MysqlLab.RDS_SERVER : MysqlLab.POLARDB_SERVER);
                haproxy.pointTo(targets, List.of(MysqlLab.RDS_SERVER, MysqlLab.POLARDB_SERVER), h);
            }
            execute(o, "stop slave");
            execute(o, "set global gtid_slave_pos = @@global.gtid_current_pos");
            execute(o, "change master to master_host = '127.0.0.1', master_port = " + newWriter.port
                    + ", master_user = 'repl', master_password = '" + lab.replicationPassword
                    + "', master_use_gtid = slave_pos");
            execute(o, "start slave");
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
