package com.switchback.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The last observed status of each migration, and the endpoints that came with it. */
@Repository
class MigrationRepository {

    /** A tracked migration: which backend owns it and what it last reported. */
    record Tracked(String backend, MigrationSnapshot snapshot) {
    }

    private final JdbcClient jdbc;

    MigrationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> trackedIds(String backend) {
        return jdbc.sql("select cluster_id from migration where backend = :b order by cluster_id")
                .param("b", backend).query(String.class).list();
    }

    Optional<Tracked> find(String clusterId) {
        return query("select * from migration where cluster_id = :id", clusterId);
    }

    /** Locks the row: requests for one migration are decided one at a time. */
    Optional<Tracked> lock(String clusterId) {
        return query("select * from migration where cluster_id = :id for update", clusterId);
    }

    /**
     * Reads the row, then its endpoints: never a query inside another's row mapping, which outside a
     * transaction would hold one pooled connection while asking for a second (many parallel readers
     * would then wait for each other until the pool times out).
     */
    private Optional<Tracked> query(String sql, String clusterId) {
        return jdbc.sql(sql).param("id", clusterId)
                .query((rs, n) -> new Tracked(rs.getString("backend"), snapshot(rs, List.of())))
                .optional()
                .map(t -> new Tracked(t.backend(), t.snapshot().withEndpoints(endpoints(clusterId))));
    }

    List<Endpoint> endpoints(String clusterId) {
        return jdbc.sql("""
                        select side, endpoint_id, endpoint_type, connection_string, port, net_type, routes_to
                        from endpoint where cluster_id = :id order by side desc, endpoint_id""")
                .param("id", clusterId)
                .query((rs, n) -> new Endpoint(Endpoint.Side.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                        rs.getString(7) == null ? null : Endpoint.Side.valueOf(rs.getString(7))))
                .list();
    }

    /** Starts tracking a cluster's migration; a known one is left as it is. */
    void track(String clusterId, String backend) {
        jdbc.sql("""
                        insert into migration (cluster_id, backend, status) values (:id, :b, 'NO_MIGRATION')
                        on conflict (cluster_id) do nothing""")
                .param("id", clusterId).param("b", backend).update();
    }

    /**
     * Stores what the backend reported; returns whether anything changed. The poller and a running
     * action may store the same migration at once: the row lock makes them take turns, so the
     * endpoints (deleted and written again) are never written twice.
     */
    @Transactional
    boolean save(MigrationSnapshot s) {
        jdbc.sql("select 1 from migration where cluster_id = :id for update").param("id", s.clusterId())
                .query(Integer.class).optional();
        int changed = jdbc.sql("""
                        update migration set source_rds_id = :rds, status = :status, rds_rw_mode = :rdsMode,
                            cluster_rw_mode = :clusterMode, topology = :topology, delayed_seconds = :delay,
                            expired_time = :expires, comment = :comment, source_type = :source, observed_at = now()
                        where cluster_id = :id and (source_rds_id is distinct from :rds
                            or status is distinct from :status or rds_rw_mode is distinct from :rdsMode
                            or cluster_rw_mode is distinct from :clusterMode or topology is distinct from :topology
                            or delayed_seconds is distinct from :delay or expired_time is distinct from :expires
                            or comment is distinct from :comment or source_type is distinct from :source)""")
                .param("id", s.clusterId())
                .param("rds", s.sourceRdsId())
                .param("status", s.status())
                .param("rdsMode", s.rdsMode() == null ? null : s.rdsMode().name())
                .param("clusterMode", s.clusterMode() == null ? null : s.clusterMode().name())
                .param("topology", s.topology() == null ? null : s.topology().name())
                .param("delay", s.delayedSeconds())
                .param("expires", s.expiredTime() == null ? null : Timestamp.from(s.expiredTime()))
                .param("comment", s.comment())
                .param("source", s.sourceType())
                .update();
        boolean endpointsChanged = !endpoints(s.clusterId()).equals(s.endpoints());
        if (endpointsChanged) {
            jdbc.sql("delete from endpoint where cluster_id = :id").param("id", s.clusterId()).update();
            for (Endpoint e : s.endpoints()) {
                jdbc.sql("""
                                insert into endpoint (cluster_id, side, endpoint_id, endpoint_type, connection_string, port,
                                    net_type, routes_to)
                                values (:id, :side, :eid, :type, :cs, :port, :net, :routes)""")
                        .param("id", s.clusterId()).param("side", e.side().name()).param("eid", e.endpointId())
                        .param("type", e.type()).param("cs", e.connectionString()).param("port", e.port())
                        .param("net", e.netType()).param("routes", e.routesTo() == null ? null : e.routesTo().name())
                        .update();
            }
        }
        return changed > 0 || endpointsChanged;
    }

    private static MigrationSnapshot snapshot(ResultSet rs, List<Endpoint> endpoints) throws SQLException {
        Timestamp expires = rs.getTimestamp("expired_time");
        return new MigrationSnapshot(
                rs.getString("cluster_id"),
                rs.getString("source_rds_id"),
                rs.getString("status"),
                mode(rs.getString("rds_rw_mode")),
                mode(rs.getString("cluster_rw_mode")),
                rs.getString("topology") == null ? null : Topology.valueOf(rs.getString("topology")),
                rs.getInt("delayed_seconds"),
                expires == null ? null : expires.toInstant(),
                rs.getString("comment"),
                endpoints,
                rs.getString("source_type"));
    }

    private static ReadWriteMode mode(String v) {
        return v == null ? null : ReadWriteMode.valueOf(v);
    }
}
