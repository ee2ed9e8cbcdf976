package com.switchback.migration.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.SwitchbackTest;
import com.switchback.TestUsers;
import com.switchback.approval.ApprovalService;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationMonitor;
import com.switchback.migration.MigrationService;
import com.switchback.migration.TestExecutor;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the contract tests of the {@code aliyun} backend share: one application on the shared
 * {@link FakePolarDb}, and after each test the check that every request was signed correctly and
 * sent to its region's host.
 */
@SwitchbackTest
abstract class AliyunContract {

    static final FakePolarDb FAKE = FakePolarDb.shared();

    @Autowired AliyunBackend backend;
    @Autowired MigrationService service;
    @Autowired ApprovalService approvals;
    @Autowired FleetDiscovery discovery;
    @Autowired MigrationMonitor monitor;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    TestExecutor executor;

    @DynamicPropertySource
    static void account(DynamicPropertyRegistry r) {
        FAKE.register(r);
    }

    @BeforeEach
    void setUpContract() {
        executor = new TestExecutor(context);
        com.switchback.TestFleet.closeOpenRequests(jdbc);
        FAKE.reset();
    }

    @AfterEach
    void everyRequestWentToItsRegionsHostSigned() {
        TestUsers.logout();
        assertThat(FAKE.badSignatures).as("requests the fake could not verify").hasValue(0);
        assertThat(FAKE.wrongHosts).as("requests sent to another region's host").hasValue(0);
    }

    String cluster(String status) {
        return cluster(FakePolarDb.REGION, status);
    }

    String cluster(String region, String status) {
        String id = "pc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        FAKE.add(id, region, status);
        backend.discover();
        discovery.discover(AliyunBackend.NAME, id);
        return id;
    }

    long approved(String clusterId, MigrationAction action, boolean swap) {
        monitor.poll(clusterId);
        return TestExecutor.approvedRequest(service, approvals, clusterId, action, swap);
    }
}
