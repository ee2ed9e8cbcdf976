package com.switchback.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.ContextSecurityStrategy;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.approval.ApprovalService;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationService;
import com.switchback.migration.OperationRunner;
import com.switchback.migration.RequestPlan;
import com.switchback.migration.TestExecutor;
import com.switchback.migration.simulated.SimulatedBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** A policy that makes a fresh, clean verification a pre-check of Switch Over: shown in the plan, enforced at execution. */
@SpringBootTest(properties = "switchback.verification.required-for=SWITCH_OVER,COMPLETE")
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
class VerificationPolicyTest {

    @Autowired MigrationService migrations;
    @Autowired ApprovalService approvals;
    @Autowired VerificationService verifications;
    @Autowired VerificationRunner runner;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @Test
    void aSwitchOverWithoutAFreshCleanVerificationIsStoppedBeforeItsFirstStep() {
        String id = new TestFleet(simulated, discovery, jdbc).create("RDS2POLARDB_SYNCING", 3);
        long blocked = TestExecutor.approvedRequest(migrations, approvals, id, MigrationAction.SWITCH_OVER, true);
        TestUsers.loginAs("lead2", "TEAM_LEAD");
        RequestPlan.Check shown = migrations.plan(blocked).checks().stream()
                .filter(c -> c.name().equals("Fresh clean verification")).findFirst().orElseThrow();
        assertThat(shown.passed()).isFalse();
        assertThat(shown.detail()).isEqualTo("No verification of this cluster has finished.");

        assertThat(new TestExecutor(context).run("executor-A", blocked)).isEqualTo(OperationRunner.Result.FAILED);
        var failed = migrations.findRequest(blocked).orElseThrow();
        assertThat(failed.error()).startsWith("Pre-checks failed: Fresh clean verification — No verification");
        assertThat(simulated.describe(id).status()).as("nothing was done").isEqualTo("RDS2POLARDB_SYNCING");

        TestUsers.loginAs("dba", "DBA");
        Verification v = verifications.start(id);
        runner.runNext();
        assertThat(verifications.find(v.id()).orElseThrow().clean()).isTrue();
        long allowed = TestExecutor.approvedRequest(migrations, approvals, id, MigrationAction.SWITCH_OVER, true);
        TestUsers.loginAs("lead2", "TEAM_LEAD");
        assertThat(migrations.plan(allowed).checks()).filteredOn(c -> c.name().equals("Fresh clean verification"))
                .singleElement().satisfies(c -> {
                    assertThat(c.passed()).isTrue();
                    assertThat(c.detail()).matches("Verification #" + v.id() + " finished .* ago, clean\\.");
                });
        assertThat(new TestExecutor(context).run("executor-A", allowed)).isEqualTo(OperationRunner.Result.SUCCEEDED);
        assertThat(jdbc.sql("select details from audit_event where request_id = :r and action = 'request.created'")
                .param("r", allowed).query(String.class).single()).as("the audit trail names the verification relied on")
                .contains("Fresh clean verification: Verification #" + v.id() + " finished");
        assertThat(jdbc.sql("select detail from request_check where request_id = :r and phase = 'STARTED' and name = :n")
                .param("r", allowed).param("n", "Fresh clean verification").query(String.class).single())
                .startsWith("Verification #" + v.id());
    }
}
