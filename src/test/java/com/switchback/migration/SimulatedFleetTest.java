package com.switchback.migration;

import com.switchback.SwitchbackTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.approval.ApprovalService;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.simulated.SimulatedBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Base of the executor's tests on the simulated fleet: a fresh pair per test, no faults left behind. */
@SwitchbackTest
abstract class SimulatedFleetTest {

    @Autowired MigrationService service;
    @Autowired ApprovalService approvals;
    @Autowired RequestRepository requests;
    @Autowired RequestLifecycle lifecycle;
    @Autowired OperationRunner runner;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;

    TestFleet fleet;

    @BeforeEach
    void startWithNoOpenRequests() {
        fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
    }

    @AfterEach
    void clearFaultsAndLogOut() {
        simulated.faults().clear();
        TestUsers.logout();
    }

    /** A DBA asks, a team lead approves: the request is ready for an executor. */
    long approvedRequest(String clusterId, MigrationAction action, boolean swap) {
        return TestExecutor.approvedRequest(service, approvals, clusterId, action, swap);
    }
}
