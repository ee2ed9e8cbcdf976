package com.switchback.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.SwitchbackTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.base.ActionRefusedException;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationService;
import com.switchback.migration.simulated.SimulatedBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** By default every action waits for approval and there is no emergency path. */
@SwitchbackTest
class EmergencyOffTest {

    @Autowired MigrationService migrations;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @Test
    void theEmergencyPathIsOffByDefault() {
        assertThat(migrations.policy().emergencyEnabled()).isFalse();
        assertThat(migrations.policy().requiredFor()).containsExactlyInAnyOrder(MigrationAction.values());
        String id = new TestFleet(simulated, discovery, jdbc).create("POLARDB2RDS_SYNCING", 5);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        assertThatThrownBy(() -> migrations.requestEmergency(id, MigrationAction.ROLL_BACK, true, "Outage"))
                .isInstanceOf(ActionRefusedException.class)
                .hasMessage("The emergency path is off: this action needs a team lead's approval.");
        assertThat(jdbc.sql("select count(*) from migration_request where cluster_id = :c").param("c", id)
                .query(Integer.class).single()).isZero();
    }
}
