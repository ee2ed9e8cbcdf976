package com.switchback.migration;

import com.switchback.base.ActionRefusedException;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * "Never two writers" is the core's: a step that leaves both sides of a linked pair writable stops
 * the request at once (audited, no retry), and Repair brings the pair back to one writer.
 */
class SafetyStopTest extends SimulatedFleetTest {

    @Test
    void aStepThatLeavesTwoWritersStopsTheRequestAndOnlyRepairIsOffered() {
        String clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        simulated.faults().secondWriterAfter(clusterId, "polardb-read-write");
        long id = approvedRequest(clusterId, MigrationAction.SWITCH_OVER, true);

        assertThat(run()).isEqualTo(OperationRunner.Result.SAFETY_STOPPED);

        MigrationRequest stopped = requests.find(id).orElseThrow();
        assertThat(stopped.state()).isEqualTo(RequestState.FAILED);
        assertThat(stopped.safetyStop()).isTrue();
        assertThat(stopped.error()).startsWith("Safety stop after step 5 \"Set PolarDB read-write\"");
        assertThat(requests.steps(id).stream().filter(s -> s.state() == StepRecord.StepState.PENDING).map(StepRecord::key))
                .as("nothing further ran").containsExactly("swap-endpoints", "reverse-link", "finish");
        assertThat(fleet.pair(clusterId).performCount("swap-endpoints")).isZero();
        assertThat(jdbc.sql("select outcome from audit_event where request_id = :r and action = 'execution.safety-stop'")
                .param("r", id).query(String.class).list()).containsExactly("FAILURE");

        TestUsers.loginAs("dba", "DBA");
        assertThat(service.retryRefusal(stopped).english()).contains("safety stop");
        assertThat(service.safetyStops()).contains(clusterId);
        MigrationOverview overview = service.overview(clusterId).orElseThrow();
        assertThat(overview.retryable()).isFalse();
        assertThat(overview.repairNeeded()).isTrue();
        TestUsers.logout();

        // One side goes read-only by hand; Repair brings the pair to one writer and a link.
        long repair = approvedRequest(clusterId, MigrationAction.REPAIR, false);
        assertThat(run()).isEqualTo(OperationRunner.Result.SUCCEEDED);
        var end = simulated.describe(clusterId);
        assertThat(end.twoWriters()).isFalse();
        assertThat(end.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(end.clusterMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(end.topology()).isEqualTo(Topology.RDS2POLARDB);
        assertThat(end.status()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(requests.find(repair).orElseThrow().state()).isEqualTo(RequestState.SUCCEEDED);
        TestUsers.loginAs("dba", "DBA");
        assertThat(service.safetyStops()).doesNotContain(clusterId);
    }

    @Test
    void repairIsRefusedOnASettledPair() {
        String clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        TestUsers.loginAs("dba", "DBA");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> service.request(clusterId, MigrationAction.REPAIR, false, "just in case"))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("Repair is only possible while");
    }

    @Test
    void repairAfterAnUndoThatDidNotFinishReturnsToTheWriterFromBefore() {
        // An undo stopped half way: RDS writable again, PolarDB read-only, but the pair still marked SWITCHING.
        String clusterId = fleet.create("SWITCHING", 5);
        var pair = fleet.pair(clusterId);
        long repair = approvedRequest(clusterId, MigrationAction.REPAIR, false);
        assertThat(run()).isEqualTo(OperationRunner.Result.SUCCEEDED);
        var end = simulated.describe(clusterId);
        assertThat(end.status()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(end.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(end.clusterMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(pair.twoWritersSeen()).isFalse();
        assertThat(requests.steps(repair)).allMatch(s -> s.state() == StepRecord.StepState.DONE);
    }

    @Test
    void cancelIsRefusedWhileTheRdsEndpointRoutesToPolarDb() {
        // A Switch Over with endpoints, then a Roll Back without: RDS writes again, its endpoint still routes to PolarDB.
        String clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        simulated.pointEndpoints(clusterId, true);
        long id = approvedRequest(clusterId, MigrationAction.CANCEL, false);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        assertThat(service.plan(id).checks()).filteredOn(c -> c.name().equals("Endpoints at home")).singleElement()
                .satisfies(c -> {
                    assertThat(c.passed()).isFalse();
                    assertThat(c.fix()).contains("Roll Back with endpoints");
                });
        TestUsers.logout();

        assertThat(run()).isEqualTo(OperationRunner.Result.FAILED);
        assertThat(requests.find(id).orElseThrow().error()).startsWith("Step 1").contains("Endpoints at home");
        var after = simulated.describe(clusterId);
        assertThat(after.topology()).as("nothing changed").isEqualTo(Topology.RDS2POLARDB);
        assertThat(after.clusterMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(fleet.pair(clusterId).performCount("break-link")).isZero();
    }

    private OperationRunner.Result run() {
        Lease lease = lifecycle.claim("executor-test", Duration.ofSeconds(30)).orElseThrow();
        return runner.run(lease, OperationRunner.Checkpoint.NEVER);
    }
}
