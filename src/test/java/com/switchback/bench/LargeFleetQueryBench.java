package com.switchback.bench;

import com.switchback.SwitchbackTest;
import com.switchback.TestUsers;
import com.switchback.cluster.ClusterFilter;
import com.switchback.cluster.ClusterService;
import com.switchback.cluster.ClusterSort;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 100,000 clusters: the clusters view's page and count queries, through the service the view
 * calls, with their plans printed and checked for index use.
 */
@SwitchbackTest
class LargeFleetQueryBench {

    static final int FLEET = 100_000;
    private static final int RUNS = 200;

    @Autowired ClusterService clusters;
    @Autowired JdbcClient jdbc;

    @Test
    void pageAndFilterQueriesOnAHundredThousandClusters() {
        FleetLoader.load(jdbc, FLEET);
        TestUsers.loginAs("bench", "DBA");
        try {
            measure("first page, default order", () -> clusters.page(ClusterFilter.NONE, List.of(), 0, 50));
            measure("page 1000 (offset 50,000)", () -> clusters.page(ClusterFilter.NONE, List.of(), 50_000, 50));
            measure("count, no filter", () -> clusters.count(ClusterFilter.NONE));
            ClusterFilter text = new ClusterFilter("ledger-prod-77", null);
            measure("text filter, page", () -> clusters.page(text, List.of(), 0, 50));
            measure("text filter, count", () -> clusters.count(text));
            ClusterFilter status = new ClusterFilter(null, "ROLLBACK");
            measure("status filter, page", () -> clusters.page(status, List.of(), 0, 50));
            measure("status filter, count", () -> clusters.count(status));
            var byLatency = List.of(new ClusterSort.Order(ClusterSort.LATENCY, true));
            measure("sorted by latency, page", () -> clusters.page(ClusterFilter.NONE, byLatency, 0, 50));
        } finally {
            TestUsers.logout();
        }
        plan("text filter", """
                select c.id from cluster c join migration m on m.cluster_id = c.id
                where (c.id ilike '%ledger-prod-77%' or c.description ilike '%ledger-prod-77%') order by c.id limit 50""");
        plan("text filter, bound as the application binds it", """
                select c.id from cluster c join migration m on m.cluster_id = c.id
                where (c.id ilike :p or c.description ilike :p) order by c.id limit 50""", "%ledger-prod-77%");
        plan("status filter count", """
                select count(*) from cluster c join migration m on m.cluster_id = c.id where m.status = 'ROLLBACK'""");
        plan("sorted by latency", """
                select c.id from cluster c join migration m on m.cluster_id = c.id
                order by m.delayed_seconds desc, m.cluster_id desc limit 50""");
        plan("first page", """
                select c.id from cluster c join migration m on m.cluster_id = c.id order by c.id limit 50""");
    }

    private void measure(String name, Supplier<?> query) {
        for (int i = 0; i < 20; i++) {
            query.get();
        }
        Stats stats = new Stats();
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            query.get();
            stats.add((System.nanoTime() - t) / 1e6);
        }
        Stats.report("large fleet (" + FLEET + " clusters): " + name + ": " + stats.summary("ms"));
    }

    private void plan(String name, String sql) {
        plan(name, sql, null);
    }

    /** With {@code parameter} bound to {@code :p}, as the application's statements are. */
    private void plan(String name, String sql, String parameter) {
        var spec = jdbc.sql("explain analyze " + sql);
        if (parameter != null) {
            spec = spec.param("p", parameter);
        }
        List<String> lines = spec.query(String.class).list();
        boolean usesIndex = lines.stream().anyMatch(l -> l.contains("Index"));
        Stats.report("plan of " + name + (usesIndex ? " uses an index" : " uses NO index") + ":");
        lines.forEach(l -> System.out.println("BENCH     " + l));
    }
}
