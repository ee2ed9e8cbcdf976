package com.switchback.migration.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.switchback.migration.MigrationAction;
import com.switchback.migration.OperationRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, not a test: the write pause of a Roll Back with endpoints — the longest time between
 * two acknowledged commits of an application writing through the RDS endpoint at a steady rate —
 * at about 200 and about 1,000 writes per second, over several runs. Run with
 * {@code mvn -Pproduction,bench verify -Dit.test=MysqlWritePauseBench}.
 */
class MysqlWritePauseBench extends MysqlLabTest {

    private static final int RUNS = 7;

    @Test
    void writePauseOfARollBackWithEndpoints() throws Exception {
        for (int rate : new int[] {200, 1000}) {
            List<Double> pauses = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            long failed = 0;
            for (int run = 0; run < RUNS; run++) {
                startFromALinkedPair();
                assertThat(executor.run("bench", approved(MigrationAction.SWITCH_OVER, true)))
                        .isEqualTo(OperationRunner.Result.SUCCEEDED);
                long id = approved(MigrationAction.ROLL_BACK, true);
                try (var writer = new SteadyWriter(lab, lab.rdsEndpointPort, rate)) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledged().size() >= rate / 2);
                    writer.startMeasuring();
                    long startCount = writer.acknowledged().size();
                    long start = System.nanoTime();
                    assertThat(executor.run("bench", id)).isEqualTo(OperationRunner.Result.SUCCEEDED);
                    long after = writer.acknowledged().size();
                    await().atMost(Duration.ofSeconds(30)).until(() -> writer.acknowledged().size() >= after + rate / 2);
                    writer.close();
                    double seconds = (System.nanoTime() - start) / 1e9;
                    pauses.add(writer.longestPauseMillis());
                    rates.add((writer.acknowledged().size() - startCount) / seconds);
                    failed += writer.failures();
                    assertThat(ids(lab.rds)).containsAll(writer.acknowledged());
                }
            }
            Collections.sort(pauses);
            Collections.sort(rates);
            System.out.printf("BENCH write pause, roll back with endpoints, ~%d writes/s (achieved median %.0f/s): "
                            + "n=%d median=%.0f ms max=%.0f ms (failed writes in all runs: %d)%n",
                    rate, rates.get(rates.size() / 2), RUNS, pauses.get(pauses.size() / 2), pauses.getLast(), failed);
        }
    }
}
