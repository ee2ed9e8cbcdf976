package com.switchback.migration.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.switchback.migration.ActionRules;
import com.switchback.migration.Endpoint;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.OperationRunner;
import com.switchback.migration.ReadWriteMode;
import com.switchback.migration.StepRecord;
import com.switchback.migration.Topology;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Contract tests of the {@code aliyun} backend against {@link FakePolarDb}: every request is
 * signed with the test AccessKey and checked, and the actions go through the service, the
 * approval and the executor as in production.
 */
class AliyunBackendTest extends AliyunContract {

    @Test
    void withAliyunConfiguredTheEmbeddedDatabaseIsNotTheDemo() {
        assertThat(context.getBean(com.switchback.base.DemoMode.class).enabled()).isFalse();
        assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single()).as("no demo accounts").isZero();
        assertThat(context.getBeansOfType(com.switchback.migration.simulated.SimulatedBackend.class)).isEmpty();
    }

    @Test
    void discoveryReadsEveryPageAndTheMigrationIsMappedOntoTheConsole() {
        for (int i = 0; i < 130; i++) {
            FAKE.add(String.format("pc-page%04d", i), i % 2 == 0 ? "NO_MIGRATION" : "RDS2POLARDB_SYNCING");
        }
        var found = backend.discover();
        assertThat(found).filteredOn(d -> d.clusterId().startsWith("pc-page")).hasSize(130);
        assertThat(FAKE.calls).contains("DescribeDBClusters");

        String id = cluster("POLARDB2RDS_SYNCING");
        FAKE.clusters.get(id).delay = 3;
        MigrationSnapshot s = backend.read(id);
        assertThat(s.status()).isEqualTo("POLARDB2RDS_SYNCING");
        assertThat(s.sourceRdsId()).isEqualTo("rm-" + id.substring(3));
        assertThat(s.rdsMode()).isEqualTo(ReadWriteMode.ro);
        assertThat(s.clusterMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(s.topology()).isEqualTo(Topology.POLARDB2RDS);
        assertThat(s.delayedSeconds()).isEqualTo(3);
        assertThat(s.expiredTime()).isNotNull();
        assertThat(s.endpoints()).extracting(Endpoint::side, Endpoint::port)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(Endpoint.Side.RDS, 3306),
                        org.assertj.core.groups.Tuple.tuple(Endpoint.Side.POLARDB, 3306));
        assertThat(backend.read(String.format("pc-page%04d", 0)).status()).as("EngineMigration.NotExist").isEqualTo("NO_MIGRATION");
    }

    @Test
    void aStatusTheApiDoesNotListIsShownRawAndAllowsNothing() {
        String id = cluster("RDS2POLARDB_SYNCING");
        FAKE.clusters.get(id).status = "PRECHECK_FAILED";
        MigrationSnapshot s = backend.read(id);
        assertThat(s.status()).isEqualTo("PRECHECK_FAILED");
        for (MigrationAction a : MigrationAction.values()) {
            assertThat(ActionRules.check(s.status(), s.delayedSeconds(), a).allowed()).isFalse();
        }
    }

    @ParameterizedTest(name = "swap endpoints: {0}")
    @ValueSource(booleans = {true, false})
    void switchOverAndRollBackGoThroughModifyDBClusterMigration(boolean swap) {
        String id = cluster("RDS2POLARDB_SYNCING");
        String rds = "rm-" + id.substring(3);

        long switchOver = approved(id, MigrationAction.SWITCH_OVER, swap);
        assertThat(executor.run("executor-A", switchOver)).isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(FAKE.changes).singleElement().satisfies(p -> assertThat(p).containsEntry("Action", "ModifyDBClusterMigration")
                .containsEntry("NewMasterInstanceId", id).containsEntry("SourceRDSDBInstanceId", rds)
                .containsEntry("SwapConnectionString", String.valueOf(swap)));
        assertThat(executor.stored(id).status()).isEqualTo("POLARDB2RDS_SYNCING");
        assertThat(executor.steps(switchOver)).extracting(StepRecord::key).containsExactly("precheck", "request", "wait");
        assertThat(executor.steps(switchOver).getLast().note()).startsWith("Reached POLARDB2RDS_SYNCING");

        FAKE.changes.clear();
        long rollBack = approved(id, MigrationAction.ROLL_BACK, swap);
        assertThat(executor.run("executor-A", rollBack)).isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(FAKE.changes).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("NewMasterInstanceId", rds).containsEntry("SwapConnectionString", String.valueOf(swap)));
        MigrationSnapshot end = executor.stored(id);
        assertThat(end.status()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(end.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(FAKE.clusters.get(id).swapped).as("endpoints back home").isFalse();
    }

    @Test
    void aRollBackIsDoneWhenRdsWritesAgainWhicheverSyncDirectionTheServiceReports() {
        String id = cluster("POLARDB2RDS_SYNCING");
        FAKE.clusters.get(id).rollbackReportsPolardbToRds = true;
        long rollBack = approved(id, MigrationAction.ROLL_BACK, true);
        assertThat(executor.run("executor-A", rollBack)).isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(executor.steps(rollBack).getLast().note())
                .startsWith("Rolled back: Alibaba Cloud reports POLARDB2RDS_SYNCING with Source RDS Read/Write and PolarDB Read Only");
        MigrationSnapshot end = executor.stored(id);
        assertThat(end.rdsMode()).isEqualTo(ReadWriteMode.rw);
        assertThat(end.clusterMode()).isEqualTo(ReadWriteMode.ro);
    }

    @Test
    void switchBackWithEndpointsSwapsThemFromWhereTheyAreAsTheVendorDescribes() {
        // Switched over without endpoints, then rolled back with them: the endpoints are swapped now.
        String id = cluster("RDS2POLARDB_SYNCING");
        assertThat(executor.run("executor-A", approved(id, MigrationAction.SWITCH_OVER, false)))
                .isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(executor.run("executor-A", approved(id, MigrationAction.ROLL_BACK, true)))
                .isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(FAKE.clusters.get(id).swapped).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CANCEL", "COMPLETE"})
    void cancelAndCompleteCloseTheMigration(String name) {
        MigrationAction action = MigrationAction.valueOf(name);
        String id = cluster(action == MigrationAction.CANCEL ? "RDS2POLARDB_SYNCING" : "POLARDB2RDS_SYNCING");
        long r = approved(id, action, false);
        assertThat(executor.run("executor-A", r)).isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(FAKE.changes).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("Action", "CloseDBClusterMigration").containsEntry("ContinueEnableBinlog", "true"));
        assertThat(executor.stored(id).status()).isEqualTo("NO_MIGRATION");
    }

    @Test
    void aPermissionTheRamPolicyLacksIsToldPlainlyWithTheRequestId() {
        String id = cluster("RDS2POLARDB_SYNCING");
        FAKE.forbidden.add("ModifyDBClusterMigration");
        long r = approved(id, MigrationAction.SWITCH_OVER, true);

        assertThat(executor.run("executor-A", r)).isEqualTo(OperationRunner.Result.FAILED);

        String error = executor.request(r).error();
        assertThat(error).contains("grant it polardb:ModifyDBClusterMigration").contains("[Forbidden.RAM]")
                .containsPattern("request id [0-9A-F-]{36}");
        assertThat(jdbc.sql("select details from audit_event where request_id = :r and action = 'step.failed'")
                .param("r", r).query(String.class).single()).contains("Forbidden.RAM");
        assertThat(FAKE.changes).isEmpty();
    }

    @Test
    void theServicesRefusalsBecomeMessagesWithCodeAndRequestId() {
        String id = cluster("RDS2POLARDB_SYNCING");
        FAKE.clusters.remove(id);
        assertThatThrownBy(() -> backend.read(id)).isInstanceOf(AliyunApiException.class)
                .hasMessageStartingWith("The PolarDB cluster does not exist in this region")
                .hasMessageContaining("[InvalidDBClusterId.NotFound]").hasMessageContaining("(request id ");

        String other = cluster("POLARDB2RDS_SYNCING");
        // Asking for a switch over in a status that does not allow it (the console would not; the service says so too).
        assertThatThrownBy(() -> backend.change(other, "ModifyDBClusterMigration", Map.of("DBClusterId", other,
                "SourceRDSDBInstanceId", "rm-" + other.substring(3), "NewMasterInstanceId", other,
                "SwapConnectionString", "true")))
                .isInstanceOf(AliyunApiException.class)
                .hasMessageStartingWith("The migration's current status does not allow ModifyDBClusterMigration. Wait")
                .hasMessageContaining("[EngineMigrationStatus.NotSurpport]");
        assertThat(FAKE.changes).isEmpty();
    }

    @Test
    void throttledReadsAreRetriedWithBackoff() {
        String id = cluster("RDS2POLARDB_SYNCING");
        FAKE.throttleNext.set(2);
        int before = FAKE.calls.size();
        assertThat(backend.read(id).status()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(FAKE.calls.size() - before).as("two throttled, then answered").isEqualTo(3);

        FAKE.throttleNext.set(10);
        assertThatThrownBy(() -> backend.read(id)).isInstanceOf(AliyunApiException.class)
                .hasMessageContaining("throttling").hasMessageContaining("[Throttling.User]");

        // Throttling outlasted the retries: the account waits before it asks again, and the view says why.
        int asked = FAKE.calls.size();
        MigrationSnapshot shown = backend.describe(id);
        assertThat(FAKE.calls.size()).as("no call while paused").isEqualTo(asked);
        assertThat(shown.status()).isEqualTo("RDS2POLARDB_SYNCING");
        assertThat(shown.comment()).startsWith("Not refreshed: Alibaba Cloud is throttling");
        await().atMost(java.time.Duration.ofSeconds(10)).ignoreExceptions()
                .until(() -> backend.read(id).comment().isEmpty());
        FAKE.throttleNext.set(0);
    }

    @Test
    void aClusterWithoutAMigrationIsReadRarely() {
        String id = cluster("NO_MIGRATION");
        backend.read(id);
        long before = FAKE.calls.stream().filter("DescribeDBClusterMigration"::equals).count();
        for (int i = 0; i < 5; i++) {
            assertThat(backend.describe(id).status()).isEqualTo("NO_MIGRATION");
        }
        assertThat(FAKE.calls.stream().filter("DescribeDBClusterMigration"::equals).count())
                .as("read again only after the idle interval").isEqualTo(before);
    }

    @Test
    void aChangeWhoseAnswerIsLostIsNotSentAgain() {
        String id = cluster("RDS2POLARDB_SYNCING");
        FAKE.loseAnswerOf.add("ModifyDBClusterMigration");
        long r = approved(id, MigrationAction.SWITCH_OVER, true);

        assertThat(executor.run("executor-A", r)).isEqualTo(OperationRunner.Result.SUCCEEDED);

        assertThat(FAKE.changeActions()).containsExactly("ModifyDBClusterMigration");
        assertThat(executor.steps(r).get(1).note()).contains("answer was lost").contains("Not sent again");
    }

    @Test
    void aWronglySignedRequestIsRefusedByTheService() {
        var wrong = new PolarDbApi(FAKE.properties(FakePolarDb.REGION, "not-the-secret"));
        assertThatThrownBy(() -> wrong.read(FakePolarDb.REGION, "DescribeDBClusters", Map.of()))
                .isInstanceOf(AliyunApiException.class).hasMessageContaining("AccessKey secret does not match");
        assertThat(FAKE.badSignatures).hasValue(1);
        FAKE.badSignatures.set(0);
    }
}
