package com.switchback.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.switchback.Application;
import com.switchback.SeparateDatabase;
import com.switchback.TestUsers;
import com.switchback.approval.ApprovalService;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.simulated.SimulatedBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Two nodes of the console on one PostgreSQL, both with their scheduler, poller and executor
 * running: requests made on one and approved on the other execute exactly once each (the journal
 * and the audit trail agree), and a change on one node reaches the views of the other.
 * (Each node simulates the same pairs in its own memory: what one node's run did shows in its
 * own simulation, so the two are summed.)
 */
class TwoNodeExecutionTest {

    private static final int REQUESTS = 100;
    private static final SeparateDatabase DATABASE = new SeparateDatabase();
    private static ConfigurableApplicationContext node1;
    private static ConfigurableApplicationContext node2;

    @BeforeAll
    static void startTwoNodes() {
        node1 = node("node-1");
        node2 = node("node-2");
    }

    @AfterAll
    static void stop() throws Exception {
        if (node1 != null) {
            node1.close();
        }
        if (node2 != null) {
            node2.close();
        }
        DATABASE.close();
        TestUsers.logout();
    }

    private static ConfigurableApplicationContext node(String name) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("spring.datasource.url", DATABASE.jdbcUrl());
        p.put("spring.datasource.username", "postgres");
        p.put("server.port", "0");
        p.put("spring.application.name", "switchback-" + name);
        p.put("switchback.admin.password", "two-node-admin-password");
        p.put("switchback.audit.key", java.util.Base64.getEncoder().encodeToString(DATABASE.auditKey));
        p.put("switchback.secret.key", java.util.Base64.getEncoder().encodeToString(DATABASE.auditKey));
        p.put("switchback.simulated.enabled", "true");
        p.put("switchback.simulated.clusters", "0");
        p.put("switchback.simulated.step-duration", "PT0S");
        p.put("switchback.simulated.latency-noise", "false");
        p.put("switchback.executor.interval", "PT0.05S");
        p.put("switchback.executor.heartbeat", "PT1S");
        p.put("switchback.executor.stale-after", "PT10S");
        p.put("switchback.poll.interval", "PT1S");
        p.put("vaadin.launch-browser", "false");
        // As command-line arguments: they win over application.properties, as a node's own settings do.
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(Application.class).run(args);
    }

    @Test
    void hundredRequestsAcrossTheFleetExecuteExactlyOnceEach() {
        List<String> clusters = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            String id = "pc-twonode%04d".formatted(i);
            String status = i % 2 == 0 ? "RDS2POLARDB_SYNCING" : "POLARDB2RDS_SYNCING";
            for (var node : List.of(node1, node2)) {
                node.getBean(SimulatedBackend.class).put(id, status, 5);
            }
            node1.getBean(FleetDiscovery.class).discover(SimulatedBackend.NAME, id);
            clusters.add(id);
        }
        Set<String> seenOnNode2 = ConcurrentHashMap.newKeySet();
        Runnable unsubscribe = node2.getBean(MigrationEvents.class).subscribe(seenOnNode2::addAll);
        List<Long> ids = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                String clusterId = clusters.get(i);
                MigrationAction action = i % 2 == 0 ? MigrationAction.SWITCH_OVER : MigrationAction.ROLL_BACK;
                boolean swap = i % 4 < 2;
                long id = as(node1, "dba", "DBA", () -> node1.getBean(MigrationService.class)
                        .request(clusterId, action, swap, "Two-node test").id());
                as(node2, "lead", "TEAM_LEAD", () -> {
                    node2.getBean(ApprovalService.class).approve(id, "ok");
                    return null;
                });
                ids.add(id);
            }
            JdbcClient jdbc = node1.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql(
                    "select count(*) from migration_request where state in ('SUCCEEDED', 'FAILED')")
                    .query(Integer.class).single() == REQUESTS);
            await().atMost(Duration.ofSeconds(10)).until(() -> seenOnNode2.containsAll(clusters));

            for (int i = 0; i < REQUESTS; i++) {
                long id = ids.get(i);
                String clusterId = clusters.get(i);
                assertThat(jdbc.sql("select state from migration_request where id = :r").param("r", id)
                        .query(String.class).single()).as("request #%d", id).isEqualTo("SUCCEEDED");
                List<String> events = jdbc.sql("select action from audit_event where request_id = :r order by seq")
                        .param("r", id).query(String.class).list();
                List<String> steps = jdbc.sql("select step_key from operation_step where request_id = :r order by seq")
                        .param("r", id).query(String.class).list();
                assertThat(events).as("request #%d", id).containsOnlyOnce("execution.started", "execution.succeeded")
                        .doesNotContain("execution.taken-over", "execution.resumed");
                assertThat(events).as("one read-only window").containsOnlyOnce("window.opened", "window.closed");
                assertThat(events.stream().filter("step.finished"::equals).count()).isEqualTo(steps.size());
                for (String step : steps) {
                    int performed = node1.getBean(SimulatedBackend.class).cluster(clusterId).performCount(step)
                            + node2.getBean(SimulatedBackend.class).cluster(clusterId).performCount(step);
                    assertThat(performed).as("request #%d step %s, both nodes together", id, step).isLessThanOrEqualTo(1);
                }
            }
            Map<String, Integer> byNode = new java.util.TreeMap<>();
            for (var node : List.of(node1, node2)) {
                String executor = node.getBean(MigrationExecutor.class).id();
                byNode.put(executor, jdbc.sql("select count(*) from audit_event where action = 'execution.started' "
                        + "and details like :who").param("who", "%" + executor + "%").query(Integer.class).single());
            }
            System.out.println("Requests started per node: " + byNode);
            assertThat(byNode.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(REQUESTS);
        } finally {
            unsubscribe.run();
        }
    }

    private static <T> T as(ConfigurableApplicationContext node, String user, String role, Supplier<T> work) {
        SecurityContextHolder.setContextHolderStrategy(node.getBean(SecurityContextHolderStrategy.class));
        TestUsers.loginAs(user, role);
        try {
            return work.get();
        } finally {
            TestUsers.logout();
        }
    }
}
