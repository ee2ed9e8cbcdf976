package com.switchback.cluster;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clusters, paged, filtered and sorted in SQL. */
@Repository
class ClusterRepository {

    // Every discovered cluster has a migration row (FleetDiscovery tracks it at once): an inner
    // join lets the planner drive a sort or filter on migration columns from their indexes.
    private static final String FROM = " from cluster c join migration m on m.cluster_id = c.id ";

    private final JdbcClient jdbc;

    ClusterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ClusterSummary> page(ClusterFilter filter, List<ClusterSort.Order> sort, int offset, int limit) {
        String orderBy = sort.stream()
                .map(o -> o.by().column + (o.descending() ? " desc" : " asc"))
                .collect(Collectors.joining(", "));
        // Ties are broken by id in the direction of the first sort, so one index serves both.
        boolean descending = !sort.isEmpty() && sort.get(0).descending();
        String tieBreak = (!sort.isEmpty() && sort.get(0).by().onMigration() ? "m.cluster_id" : "c.id")
                + (descending ? " desc" : " asc");
        orderBy = orderBy.isEmpty() ? tieBreak : orderBy + ", " + tieBreak;
        var spec = jdbc.sql(SUMMARY + FROM + where(filter)
                + " order by " + orderBy + " limit :limit offset :offset");
        return bind(spec, filter).param("limit", limit).param("offset", offset)
                .query(ClusterRepository::summary)
                .list();
    }

    /** The columns of a row of the list, as {@link #summary} reads them. */
    private static final String SUMMARY = """
            select c.id, c.description, c.region, c.engine_version, c.cluster_status, c.backend,
                   m.status, m.delayed_seconds, m.comment <> '' as has_exception, m.expired_time""";

    private static ClusterSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ClusterSummary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getBoolean(9),
                rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant());
    }

    /** The rows of these clusters, as a page shows them (unknown ids are left out). */
    List<ClusterSummary> rows(java.util.Collection<String> ids) {
        return jdbc.sql(SUMMARY + FROM + " where c.id in (:ids)")
                .param("ids", ids)
                .query(ClusterRepository::summary)
                .list();
    }

    /**
     * Counts with the fewest tables the filter needs: every cluster has exactly one migration row
     * (written in the same transaction), so the join is only needed when both sides are filtered.
     */
    int count(ClusterFilter filter) {
        String from;
        if (filter.text() != null && filter.migrationStatus() != null) {
            from = FROM;
        } else if (filter.migrationStatus() != null) {
            from = " from migration m ";
        } else {
            from = " from cluster c ";
        }
        return bind(jdbc.sql("select count(*)" + from + where(filter)), filter).query(Integer.class).single();
    }

    /** The raw statuses present, for the filter's choices (including ones Switchback does not know). */
    List<String> statuses() {
        return jdbc.sql("select distinct status from migration order by status").query(String.class).list();
    }

    Optional<Cluster> find(String id) {
        return jdbc.sql("select id, description, region, engine_version, cluster_status, backend from cluster where id = :id")
                .param("id", id)
                .query((rs, n) -> new Cluster(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)))
                .optional();
    }

    void upsert(Cluster c) {
        jdbc.sql("""
                        insert into cluster (id, backend, description, region, engine_version, cluster_status)
                        values (:id, :b, :d, :r, :e, :s)
                        on conflict (id) do update set description = excluded.description, region = excluded.region,
                            engine_version = excluded.engine_version, cluster_status = excluded.cluster_status""")
                .param("id", c.id()).param("b", c.backend()).param("d", c.description()).param("r", c.region())
                .param("e", c.engineVersion()).param("s", c.clusterStatus())
                .update();
    }

    private static String where(ClusterFilter f) {
        StringBuilder w = new StringBuilder(" where true");
        if (f.text() != null) {
            // Backslash is PostgreSQL's default LIKE escape; no ESCAPE clause, so trigram indexes apply.
            w.append(" and (c.id ilike :text or c.description ilike :text)");
        }
        if (f.migrationStatus() != null) {
            w.append(" and m.status = :status");
        }
        return w.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, ClusterFilter f) {
        if (f.text() != null) {
            spec = spec.param("text", "%" + escapeLike(f.text()) + "%");
        }
        if (f.migrationStatus() != null) {
            spec = spec.param("status", f.migrationStatus());
        }
        return spec;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
