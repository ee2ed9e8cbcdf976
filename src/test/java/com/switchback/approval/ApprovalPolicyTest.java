package com.switchback.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.ContextSecurityStrategy;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestState;
import com.switchback.migration.simulated.SimulatedBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.ActiveProfiles;

/** A policy that lets Cancel run without approval and opens the emergency path. */
@SpringBootTest(properties = {
        "switchback.approval.required-for=SWITCH_OVER,ROLL_BACK,COMPLETE",
        "switchback.approval.emergency-enabled=true"})
@ActiveProfiles("test")
@ExtendWith(ContextSecurityStrategy.class)
class ApprovalPolicyTest {

    @Autowired MigrationService migrations;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @Test
    void anActionThePolicyDoesNotGuardIsApprovedAtOnceAndSaysSo() {
        String id = new TestFleet(simulated, discovery, jdbc).create("RDS2POLARDB_SYNCING", 5);
        TestUsers.loginAs("dba", "DBA");
        var r = migrations.request(id, MigrationAction.CANCEL, false, "Wrong target");
        assertThat(r.state()).isEqualTo(RequestState.APPROVED);
        assertThat(jdbc.sql("select details from audit_event where request_id = :r and action = 'request.approved'")
                .param("r", r.id()).query(String.class).single()).startsWith("Approved by policy");
    }

    @Test
    void aTeamLeadMayRunAnActionAtOnceInAnEmergencyAndItIsFlagged() {
        String id = new TestFleet(simulated, discovery, jdbc).create("POLARDB2RDS_SYNCING", 5);
        TestUsers.loginAs("dba", "DBA");
        assertThatThrownBy(() -> migrations.requestEmergency(id, MigrationAction.ROLL_BACK, true, "Outage"))
                .isInstanceOf(AccessDeniedException.class);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        assertThatThrownBy(() -> migrations.requestEmergency(id, MigrationAction.ROLL_BACK, true, " "))
                .hasMessage("A reason is required.");
        var r = migrations.requestEmergency(id, MigrationAction.ROLL_BACK, true, "Checkout is down on PolarDB");
        assertThat(r.state()).isEqualTo(RequestState.APPROVED);
        assertThat(r.emergency()).isTrue();
        assertThat(jdbc.sql("select action from audit_event where request_id = :r and emergency").param("r", r.id())
                .query(String.class).list()).containsExactly("request.emergency");
    }
}
