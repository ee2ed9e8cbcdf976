package com.switchback.migration.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.switchback.migration.Endpoint;
import com.switchback.migration.EndpointPicture;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.OperationRunner;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "With endpoints" swaps them from wherever they route now, as the vendor describes it, and what
 * Switchback tells the user is read from HAProxy's routing, not from the endpoints' names.
 */
class MysqlEndpointTest extends MysqlLabTest {

    @Test
    void afterAnUnswappedSwitchOverSwitchBackWithEndpointsKeepsTheApplicationWriting() throws Exception {
        try (var watch = new TwoWriterMonitor(lab);
             var writer = new SteadyWriter(lab, lab.rdsEndpointPort, 100)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.acknowledged().size() >= 20);
            assertThat(executor.run("executor-A", approved(MigrationAction.SWITCH_OVER, false)))
                    .isEqualTo(OperationRunner.Result.SUCCEEDED);
            // The application moves to the PolarDB endpoint, as the switch over without endpoints asked.
            writer.switchTo(lab.polardbEndpointPort);
            long moved = writer.acknowledged().size();
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.acknowledged().size() >= moved + 20);

            long id = approved(MigrationAction.ROLL_BACK, true);
            assertThat(executor.request(id).endpointsSwappedAfter()).as("swapped from where they route").isTrue();
            assertThat(executor.run("executor-B", id)).isEqualTo(OperationRunner.Result.SUCCEEDED);

            // Nothing changed in the application: the PolarDB endpoint now reaches RDS, which writes.
            long after = writer.acknowledged().size();
            long failuresAfter = writer.failures();
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.acknowledged().size() >= after + 50);
            assertThat(writer.failures() - failuresAfter).as("no failures once reconnected").isLessThanOrEqualTo(1);
            writer.close();
            watch.close();
            assertThat(watch.twoWritersSeen()).isZero();
            Set<Long> acked = writer.acknowledged();
            assertThat(ids(lab.rds)).containsAll(acked);
        }
        MigrationSnapshot end = backend.describe(CLUSTER);
        assertThat(end.endpointsReaching(Endpoint.Side.RDS)).extracting(Endpoint::port)
                .containsExactly(lab.polardbEndpointPort);
    }

    @Test
    void afterASwappedSwitchOverAndARollBackWithoutEndpointsTheEndpointThatReachesRdsIsTheOneNamed() throws Exception {
        assertThat(executor.run("executor-A", approved(MigrationAction.SWITCH_OVER, true)))
                .isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(executor.run("executor-B", approved(MigrationAction.ROLL_BACK, false)))
                .isEqualTo(OperationRunner.Result.SUCCEEDED);

        MigrationSnapshot s = backend.describe(CLUSTER);
        // HAProxy still routes the RDS-named endpoint to PolarDB (read-only): the one that reaches RDS is the other.
        assertThat(s.endpointsReaching(Endpoint.Side.RDS)).extracting(Endpoint::port).containsExactly(lab.polardbEndpointPort);
        assertThat(s.endpointsReaching(Endpoint.Side.POLARDB)).extracting(Endpoint::port).containsExactly(lab.rdsEndpointPort);
        try (var app = lab.app(lab.polardbEndpointPort); var st = app.createStatement()) {
            st.execute("insert into writes (id) values (99001)");
        }
        EndpointPicture picture = EndpointPicture.of(s, MigrationAction.SWITCH_OVER, false);
        assertThat(picture.advice()).contains("127.0.0.1:" + lab.rdsEndpointPort);
    }
}
