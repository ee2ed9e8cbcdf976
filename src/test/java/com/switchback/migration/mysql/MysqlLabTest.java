package com.switchback.migration.mysql;

import com.switchback.SwitchbackTest;
import com.switchback.TestUsers;
import com.switchback.approval.ApprovalService;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationMonitor;
import com.switchback.migration.MigrationService;
import com.switchback.migration.TestExecutor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests on real servers: the lab's pair is registered as {@link #CLUSTER}, and every
 * test starts from a linked pair (RDS writable, replicating to a read-only PolarDB).
 */
@SwitchbackTest
abstract class MysqlLabTest {

    static final String CLUSTER = "pc-mysqllab01";

    final MysqlLab lab = MysqlLab.get();

    @Autowired MigrationService service;
    @Autowired ApprovalService approvals;
    @Autowired MigrationMonitor monitor;
    @Autowired FleetDiscovery discovery;
    @Autowired MysqlBackend backend;
    @Autowired JdbcClient jdbc;
    /** The schema owner's connection: only it may add triggers (the application's role may not). */
    @Autowired @org.springframework.beans.factory.annotation.Qualifier("embeddedOwnerDataSource")
    javax.sql.DataSource ownerDataSource;
    @Autowired ApplicationContext context;
    TestExecutor executor;

    @DynamicPropertySource
    static void registerPair(DynamicPropertyRegistry registry) {
        MysqlLab.get().pairProperties(CLUSTER).forEach((k, v) -> registry.add(k, () -> v));
    }

    @BeforeEach
    void startFromALinkedPair() throws Exception {
        executor = new TestExecutor(context);
        com.switchback.TestFleet.closeOpenRequests(jdbc);
        jdbc.sql("delete from mysql_pair_phase").update();
        lab.reset();
        discovery.discover(MysqlBackend.NAME, CLUSTER);
        monitor.poll(CLUSTER);
    }

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    /** A DBA asks, a team lead approves: the request is ready for an executor. */
    long approved(MigrationAction action, boolean swap) {
        monitor.poll(CLUSTER);
        return TestExecutor.approvedRequest(service, approvals, CLUSTER, action, swap);
    }

    static Set<Long> ids(MysqlLab.Mariadb server) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (Connection c = server.root(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id from shop.writes")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    static void sql(MysqlLab.Mariadb server, String... statements) throws SQLException {
        MysqlLab.sql(server, statements);
    }
}
