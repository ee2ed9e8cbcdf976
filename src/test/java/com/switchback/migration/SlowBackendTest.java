package com.switchback.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A backend whose reads hang (a hung server, throttled cloud reads) delays no heartbeat: the
 * running request never looks stale, and the poller shows the hung cluster as unreachable after
 * its timeout instead of waiting. Times are scaled down: stale after 2 s, reads held for twice that.
 */
class SlowBackendTest extends SimulatedFleetTest {

    private static final Duration STALE_AFTER = Duration.ofSeconds(2);

    @Autowired MigrationRepository migrations;
    @Autowired MigrationBackends backends;
    @Autowired MigrationEvents events;

    @Test
    void aReadThatBlocksForTwiceStaleAfterMakesNoRunningRequestStale() throws Exception {
        String running = fleet.create("RDS2POLARDB_SYNCING", 5);
        String hung = fleet.create("RDS2POLARDB_SYNCING", 5);
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        simulated.faults().holdStep(running, "begin", entered, release);
        long id = approvedRequest(running, MigrationAction.SWITCH_OVER, false);

        var executor = new MigrationExecutor(lifecycle, runner, true, STALE_AFTER, Duration.ofMillis(200), 8);
        var monitor = new MigrationMonitor(migrations, backends, events, Duration.ofSeconds(1));
        var readsReleased = new CountDownLatch(1);
        simulated.faults().holdReads(hung, readsReleased);
        try {
            executor.claimReadyRequests();
            assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            // Polls go on in the background while the hung cluster does not answer for twice stale-after.
            CompletableFuture<Void> polls = CompletableFuture.runAsync(() -> {
                while (System.nanoTime() - start < STALE_AFTER.multipliedBy(2).toNanos()) {
                    monitor.pollAll();
                }
            });
            // All the while the hung reads go on, another executor finds nothing stale to take over.
            await().during(STALE_AFTER.multipliedBy(2)).atMost(STALE_AFTER.multipliedBy(4))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> lifecycle.claim("executor-other", STALE_AFTER).isEmpty());
            polls.get();
            assertThat(migrations.find(hung).orElseThrow().snapshot().comment())
                    .contains("The backend could not be read").containsPattern("no answer within 1 s|has not answered after more than 1 s");
            readsReleased.countDown();
            release.countDown();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> requests.find(id).orElseThrow().state() == RequestState.SUCCEEDED);
        } finally {
            readsReleased.countDown();
            release.countDown();
            executor.stop();
            monitor.stop();
        }
        assertThat(jdbc.sql("select count(*) from audit_event where request_id = :r and action like 'execution.%'")
                .param("r", id).query(Integer.class).single()).as("started and succeeded, no takeover").isEqualTo(2);
    }
}
