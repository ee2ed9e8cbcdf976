package com.switchback.migration.aliyun;

import com.switchback.base.ActionRefusedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.TestUsers;
import com.switchback.migration.ActionOptions;
import com.switchback.migration.ActionRules;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.OperationRunner;
import com.switchback.migration.RequestPlan;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code aliyun} backend against the PolarDB OpenAPI as its reference and user guide describe
 * it, where that differs from what an easy stand-in would do: regional hosts, a status that moves a
 * while after a change is accepted, "no migration" as an answer, the edition in {@code DBType}, the
 * endpoint swap's preconditions and the documented error codes.
 */
class AliyunAsDocumentedTest extends AliyunContract {

    @Test
    void eachRegionIsCalledOnTheHostItsDocumentationGives() {
        assertThat(PolarDbHosts.documented("cn-hangzhou")).isEqualTo("polardb.aliyuncs.com");
        assertThat(PolarDbHosts.documented("cn-beijing")).isEqualTo("polardb.aliyuncs.com");
        assertThat(PolarDbHosts.documented("cn-shenzhen")).isEqualTo("polardb.cn-shenzhen.aliyuncs.com");
        assertThat(PolarDbHosts.documented("ap-southeast-1")).isEqualTo("polardb.ap-southeast-1.aliyuncs.com");
        assertThat(new PolarDbHosts("", Map.of("eu-central-1", "polardb-vpc.example.internal")).forRegion("eu-central-1"))
                .as("a host configured for a region").isEqualTo("polardb-vpc.example.internal");
        assertThat(new PolarDbHosts("127.0.0.1:8080", Map.of()).forRegion("cn-shenzhen"))
                .as("one host for every region").isEqualTo("127.0.0.1:8080");
        assertThatThrownBy(() -> PolarDbHosts.documented("cn hangzhou/../")).isInstanceOf(IllegalArgumentException.class);

        // Two watched regions, one central and one regional: both are read, each on its own host.
        String central = cluster(FakePolarDb.REGION, "RDS2POLARDB_SYNCING");
        String regional = cluster(FakePolarDb.REGIONAL, "POLARDB2RDS_SYNCING");
        assertThat(backend.discover()).extracting(d -> d.clusterId()).contains(central, regional);
        assertThat(backend.read(regional).status()).isEqualTo("POLARDB2RDS_SYNCING");
        assertThat(backend.problems()).isEmpty();
    }

    @Test
    void aChangeWhoseStatusLagsIsFollowedNotFailedAndSentOnce() {
        String id = cluster(FakePolarDb.REGION, "RDS2POLARDB_SYNCING");
        FAKE.lag = Duration.ofMillis(500);
        long r = approved(id, MigrationAction.SWITCH_OVER, false);

        assertThat(executor.run("executor-A", r)).isEqualTo(OperationRunner.Result.SUCCEEDED);

        assertThat(FAKE.changeActions()).containsExactly("ModifyDBClusterMigration");
        assertThat(executor.steps(r).get(1).note()).contains("accepted").contains("Alibaba Cloud shows SWITCHING");
        assertThat(executor.stored(id).status()).isEqualTo("POLARDB2RDS_SYNCING");
    }

    @Test
    void aLostAnswerFollowedByALaggingStatusIsNotSentAgain() {
        String id = cluster(FakePolarDb.REGION, "POLARDB2RDS_SYNCING");
        FAKE.lag = Duration.ofMillis(500);
        FAKE.loseAnswerOf.add("CloseDBClusterMigration");
        long r = approved(id, MigrationAction.COMPLETE, false);

        assertThat(executor.run("executor-A", r)).isEqualTo(OperationRunner.Result.SUCCEEDED);

        assertThat(FAKE.changeActions()).containsExactly("CloseDBClusterMigration");
        assertThat(executor.steps(r).get(1).note()).contains("answer was lost").contains("Not sent again");
    }

    @Test
    void aCallAnEarlierAttemptSentIsFollowedByTheNextNotSentAgain() {
        String id = cluster(FakePolarDb.REGION, "RDS2POLARDB_SYNCING");
        long r = approved(id, MigrationAction.SWITCH_OVER, false);
        // Another node sent the call a moment ago and stopped before it could record anything more;
        // the service accepted it and has not started it yet.
        FAKE.lag = Duration.ofMillis(400);
        backend.change(id, "ModifyDBClusterMigration", Map.of("DBClusterId", id,
                "SourceRDSDBInstanceId", "rm-" + id.substring(3), "NewMasterInstanceId", id,
                "SwapConnectionString", "false"));
        jdbc.sql("update operation_step set call_sent_at = now() where request_id = :r and seq = 1").param("r", r).update();
        FAKE.changes.clear();

        assertThat(executor.run("executor-B", r)).isEqualTo(OperationRunner.Result.SUCCEEDED);

        assertThat(FAKE.changes).as("sent by the earlier attempt only").isEmpty();
        assertThat(executor.steps(r).get(1).note()).contains("by an earlier attempt; not sent again");
    }

    @Test
    void aCallWithNoEffectAfterTheGracePeriodFailsAndOnlyANewRequestSendsItAgain() {
        String id = cluster(FakePolarDb.REGION, "RDS2POLARDB_SYNCING");
        FAKE.lag = Duration.ofHours(1);
        long r = approved(id, MigrationAction.SWITCH_OVER, false);

        assertThat(executor.run("executor-A", r)).isEqualTo(OperationRunner.Result.FAILED);
        assertThat(executor.request(r).error()).contains("has not taken effect").contains("It was not sent again")
                .contains("make a new request to send it once more");
        assertThat(FAKE.changes).hasSize(1);
        assertThat(jdbc.sql("select call_sent_at from operation_step where request_id = :r and seq = 1").param("r", r)
                .query(java.sql.Timestamp.class).optional()).as("judged not to have taken effect").isEmpty();

        FAKE.lag = Duration.ZERO;
        TestUsers.loginAs("dba", "DBA");
        assertThatThrownBy(() -> service.retry(r, "Try again")).as("nothing half done to retry")
                .isInstanceOf(com.switchback.base.ActionRefusedException.class);
        TestUsers.logout();
        long again = approved(id, MigrationAction.SWITCH_OVER, false);
        assertThat(executor.run("executor-B", again)).isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(FAKE.changes).as("the new request sent it once more").hasSize(2);
    }

    @Test
    void noMigrationIsReadBothAsTheDocumentedAnswerAndAsTheErrorCode() {
        String id = cluster(FakePolarDb.REGION, "NO_MIGRATION");
        assertThat(backend.read(id).status()).as("MigrationStatus = NO_MIGRATION").isEqualTo("NO_MIGRATION");
        int answered = FAKE.calls.size();
        FAKE.noMigrationAsError = true;
        assertThat(backend.read(id).status()).as("EngineMigration.NotExist").isEqualTo("NO_MIGRATION");
        assertThat(FAKE.calls.size() - answered).as("the error is an answer, not retried").isEqualTo(1);
    }

    @Test
    void theEditionIsDbTypeAndOnlyMySqlClustersAreListed() {
        String mysql = cluster(FakePolarDb.REGION, "RDS2POLARDB_SYNCING");
        String postgres = "pc-pg" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        FAKE.add(postgres, "NO_MIGRATION").dbType = "PostgreSQL";

        var found = backend.discover();

        assertThat(found).filteredOn(d -> d.clusterId().equals(mysql)).singleElement()
                .satisfies(d -> assertThat(d.engineVersion()).isEqualTo("PolarDB for MySQL 8.0"));
        assertThat(found).extracting(d -> d.clusterId()).doesNotContain(postgres);
    }

    @Test
    void swappingEndpointsNeedsEqualPortsAndIsRefusedByTheFirstStepOtherwise() {
        String id = cluster(FakePolarDb.REGION, "RDS2POLARDB_SYNCING");
        FakePolarDb.Cluster c = FAKE.clusters.get(id);
        c.polardbAddresses.set(0, new FakePolarDb.Address("Cluster", "Private", 3307));
        monitor.poll(id);

        TestUsers.loginAs("dba", "DBA");
        var checks = service.checks(id, MigrationAction.SWITCH_OVER, ActionOptions.swap(true));
        assertThat(checks).filteredOn(k -> k.name().startsWith(EndpointSwap.NAME)).singleElement().satisfies(k -> {
            assertThat(k.passed()).isFalse();
            assertThat(k.detail()).contains("Ports differ").contains("[3306]").contains("[3307]");
        });
        assertThat(service.checks(id, MigrationAction.SWITCH_OVER, ActionOptions.swap(false)))
                .as("without a swap, ports do not matter").noneMatch(k -> k.name().startsWith(EndpointSwap.NAME));
        TestUsers.logout();

        // Approved while the ports were equal, refused by the first step once they are not.
        c.polardbAddresses.set(0, new FakePolarDb.Address("Cluster", "Private", 3306));
        long r = approved(id, MigrationAction.SWITCH_OVER, true);
        c.polardbAddresses.set(0, new FakePolarDb.Address("Cluster", "Private", 3307));
        assertThat(executor.run("executor-A", r)).isEqualTo(OperationRunner.Result.FAILED);
        assertThat(executor.request(r).error()).contains("Pre-checks failed").contains("Ports differ");
        assertThat(FAKE.changes).isEmpty();
    }

    @Test
    void anEndpointTypeOnOneSideOnlyIsShownAsNotSwitchedAndDoesNotBlock() {
        String id = cluster(FakePolarDb.REGION, "RDS2POLARDB_SYNCING");
        FAKE.clusters.get(id).rdsAddresses.add(new FakePolarDb.Address("Normal", "Public", 3306));
        monitor.poll(id);

        TestUsers.loginAs("dba", "DBA");
        var checks = service.checks(id, MigrationAction.SWITCH_OVER, ActionOptions.swap(true));
        TestUsers.logout();
        assertThat(checks).filteredOn(k -> k.name().equals(EndpointSwap.NAME + " (Public)")).singleElement()
                .satisfies(k -> {
                    assertThat(k.warning()).isTrue();
                    assertThat(k.detail()).startsWith("Not switched: only the source RDS has a public endpoint");
                });
        assertThat(checks).filteredOn(k -> k.name().equals(EndpointSwap.NAME + " (Private)"))
                .singleElement().extracting(RequestPlan.Check::passed).isEqualTo(true);

        long r = approved(id, MigrationAction.SWITCH_OVER, true);
        assertThat(executor.run("executor-A", r)).isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(FAKE.changes).singleElement().satisfies(p -> assertThat(p).containsEntry("SwapConnectionString", "true")
                .doesNotContainKey("ConnectionStrings"));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "404|InvalidDBCluster.NotFound|it may have been released",
            "404|Forbidden.ClusterNotFound|it may have been released",
            "400|OperationDenied.DBClusterStatus|Wait until the cluster is Running",
            "400|IncorrectDBClusterState|Wait until the cluster is Running",
            "400|OperationDenied.LockMode|Unlock it in the Alibaba Cloud console",
            "400|InvalidConnectionString.Malformed|switch without swapping endpoints",
            "400|IncompleteSignature|a proxy between Switchback and the service may be rewriting requests"})
    void documentedErrorCodesSayWhatToDoAndAreNotRetried(int status, String code, String advice) {
        String id = cluster(FakePolarDb.REGION, "RDS2POLARDB_SYNCING");
        FAKE.failNext.put("DescribeDBClusterMigration", new String[] {String.valueOf(status), code, "As documented."});
        int before = FAKE.calls.size();

        assertThatThrownBy(() -> backend.read(id)).isInstanceOf(AliyunApiException.class)
                .hasMessageContaining(advice).hasMessageContaining("[" + code + "]")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret does not match"));
        assertThat(FAKE.calls.size() - before).as("a refusal is not retried").isEqualTo(1);
    }

    @Test
    void aClockOutsideTheFifteenMinuteWindowIsToldAsSuch() {
        FAKE.clockSkew = Duration.ofMinutes(16);
        var api = new PolarDbApi(FAKE.properties(FakePolarDb.REGION, FAKE.secret()));
        assertThatThrownBy(() -> api.read(FakePolarDb.REGION, "DescribeDBClusters", Map.of()))
                .isInstanceOf(AliyunApiException.class).hasMessageContaining("clock is more than 15 minutes off")
                .hasMessageContaining("[InvalidTimeStamp.Expired]");
        FAKE.clockSkew = Duration.ofMinutes(14);
        assertThat(api.read(FakePolarDb.REGION, "DescribeDBClusters", Map.of()).path("RequestId").isMissingNode()).isFalse();
    }

    @Test
    void sdkConfigurationErrorsAreNotRetriedAsIfTheServiceWereUnreachable() {
        var api = new PolarDbApi(FAKE.properties(FakePolarDb.REGION, ""));
        int before = FAKE.calls.size();
        assertThatThrownBy(() -> api.read(FakePolarDb.REGION, "DescribeDBClusters", Map.of()))
                .isInstanceOf(AliyunApiException.class).hasMessageContaining("access-key-secret")
                .satisfies(e -> assertThat(((AliyunApiException) e).transientFailure()).isFalse());
        assertThat(FAKE.calls.size()).as("nothing was sent").isEqualTo(before);
    }

    @Test
    void theSdkNeverResendsAChangeItself() {
        String id = cluster(FakePolarDb.REGION, "RDS2POLARDB_SYNCING");
        FAKE.failNext.put("ModifyDBClusterMigration", new String[] {"503", "ServiceUnavailable", "Try later."});
        var api = new PolarDbApi(FAKE.properties(FakePolarDb.REGION, FAKE.secret()));
        long before = FAKE.calls.stream().filter("ModifyDBClusterMigration"::equals).count();
        assertThatThrownBy(() -> api.change(FakePolarDb.REGION, "ModifyDBClusterMigration", Map.of("DBClusterId", id,
                "SourceRDSDBInstanceId", "rm-" + id.substring(3), "NewMasterInstanceId", id,
                "SwapConnectionString", "false")))
                .isInstanceOf(AliyunApiException.class)
                .satisfies(e -> assertThat(((AliyunApiException) e).mayHaveReachedService()).isTrue());
        assertThat(FAKE.calls.stream().filter("ModifyDBClusterMigration"::equals).count() - before)
                .as("SDK core 4.7: RetryPolicy.none() unless set").isEqualTo(1);
    }

    @Test
    void unmeasuredLatencyBlocksSwitchOverAndSaysWhy() {
        var decision = ActionRules.check("RDS2POLARDB_SYNCING", -1, MigrationAction.SWITCH_OVER);
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.reason()).contains("not measured now (the backend reports -1)")
                .contains("check that the migration's replication is running");
    }

    @Test
    void aMajorVersionUpgradeNamesItsSourcePolarDb() {
        String id = cluster(FakePolarDb.REGION, "RDS2POLARDB_SYNCING");
        FAKE.clusters.get(id).srcDbType = "PolarDBMySQL";
        assertThat(backend.read(id).sourceLabel()).isEqualTo("Source PolarDB");
        monitor.poll(id);
        assertThat(executor.stored(id).sourceType()).as("kept with the migration").isEqualTo("PolarDBMySQL");
    }
}
