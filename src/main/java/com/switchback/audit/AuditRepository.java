package com.switchback.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the audit chain: pages for the view, a stream for export and verification. */
@Repository
class AuditRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    AuditRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        // A cursor of this size: exports and verification never hold the whole trail in memory.
        this.streaming = new JdbcTemplate(template.getDataSource());
        this.streaming.setFetchSize(1000);
    }

    List<AuditEvent> page(AuditFilter f, boolean newestFirst, int offset, int limit) {
        var spec = jdbc.sql("select * from audit_event" + where(f) + " order by seq " + (newestFirst ? "desc" : "asc")
                + " limit :limit offset :offset");
        return bind(spec, f).param("limit", limit).param("offset", offset).query(AuditRepository::event).list();
    }

    java.util.Optional<AuditEvent> find(long seq) {
        return jdbc.sql("select * from audit_event where seq = :seq").param("seq", seq)
                .query(AuditRepository::event).optional();
    }

    int count(AuditFilter f) {
        return bind(jdbc.sql("select count(*) from audit_event" + where(f)), f).query(Integer.class).single();
    }

    /** Changes to accounts and roles (actions {@code user.*}), newest first. */
    List<AuditEvent> accountChanges(int limit) {
        return jdbc.sql("select * from audit_event where action like 'user.%' order by seq desc limit :limit")
                .param("limit", limit).query(AuditRepository::event).list();
    }

    List<String> actions() {
        return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
    }

    /** Every matching event, oldest first, one at a time (call inside a transaction for a cursor). */
    void stream(AuditFilter f, Consumer<AuditEvent> each) {
        Object[] args = args(f);
        streaming.query("select * from audit_event" + positionalWhere(f) + " order by seq",
                rs -> {
                    each.accept(event(rs, 0));
                }, args);
    }

    private static String where(AuditFilter f) {
        StringBuilder w = new StringBuilder(" where true");
        if (f.from() != null) w.append(" and occurred_at >= :from");
        if (f.to() != null) w.append(" and occurred_at < :to");
        if (f.actor() != null) w.append(" and actor = :actor");
        if (f.action() != null) w.append(" and action = :action");
        if (f.clusterId() != null) w.append(" and cluster_id = :cluster");
        if (f.outcome() != null) w.append(" and outcome = :outcome");
        if (f.requestId() != null) w.append(" and request_id = :request");
        return w.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, AuditFilter f) {
        if (f.from() != null) s = s.param("from", Timestamp.from(f.from()));
        if (f.to() != null) s = s.param("to", Timestamp.from(f.to()));
        if (f.actor() != null) s = s.param("actor", f.actor());
        if (f.action() != null) s = s.param("action", f.action());
        if (f.clusterId() != null) s = s.param("cluster", f.clusterId());
        if (f.outcome() != null) s = s.param("outcome", f.outcome().name());
        if (f.requestId() != null) s = s.param("request", f.requestId());
        return s;
    }

    private static String positionalWhere(AuditFilter f) {
        return where(f).replaceAll(":[a-z]+", "?");
    }

    private static Object[] args(AuditFilter f) {
        List<Object> a = new java.util.ArrayList<>();
        if (f.from() != null) a.add(Timestamp.from(f.from()));
        if (f.to() != null) a.add(Timestamp.from(f.to()));
        if (f.actor() != null) a.add(f.actor());
        if (f.action() != null) a.add(f.action());
        if (f.clusterId() != null) a.add(f.clusterId());
        if (f.outcome() != null) a.add(f.outcome().name());
        if (f.requestId() != null) a.add(f.requestId());
        return a.toArray();
    }

    static AuditEvent event(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("request_id");
        Long request = rs.wasNull() ? null : id;
        return new AuditEvent(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                rs.getString("actor_roles"), rs.getString("client_address"), rs.getString("action"),
                rs.getString("cluster_id"), request, Outcome.valueOf(rs.getString("outcome")),
                rs.getBoolean("emergency"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"),
                rs.getInt("hash_version"));
    }
}
