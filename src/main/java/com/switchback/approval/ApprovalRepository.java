package com.switchback.approval;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The decision columns of a request. Every change names the state it expects, so it happens once. */
@Repository
class ApprovalRepository {

    /** The facts a decision needs, read under a row lock. */
    record Pending(long id, String clusterId, String action, String requestedBy, String state, boolean expired,
                   long version) {
    }

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Pending> lock(long id) {
        return jdbc.sql("""
                        select id, cluster_id, action, requested_by, state, expires_at <= now() as expired, version
                        from migration_request where id = :id for update""")
                .param("id", id)
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBoolean(6), rs.getLong(7)))
                .optional();
    }

    /** Moves a request from one state to another if nobody changed it meanwhile. */
    boolean decide(long id, long version, String from, String to, String decidedBy, String comment) {
        return jdbc.sql("""
                        update migration_request set state = :to, decided_by = :by, decided_at = now(),
                            decision_comment = :comment, version = version + 1,
                            finished_at = case when :to in ('REJECTED', 'WITHDRAWN', 'EXPIRED') then now() end
                        where id = :id and state = :from and version = :version""")
                .param("to", to).param("by", decidedBy).param("comment", comment).param("id", id)
                .param("from", from).param("version", version)
                .update() == 1;
    }

    /** Requests that waited too long: pending or approved but never started. */
    List<Pending> overdue() {
        return jdbc.sql("""
                        select id, cluster_id, action, requested_by, state, true, version from migration_request
                        where state in ('PENDING', 'APPROVED') and expires_at <= now() order by id for update skip locked""")
                .query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), true, rs.getLong(7)))
                .list();
    }

    int pendingCount() {
        return jdbc.sql("select count(*) from migration_request where state = 'PENDING' and expires_at > now()")
                .query(Integer.class).single();
    }

    List<Long> pendingIds() {
        return jdbc.sql("select id from migration_request where state = 'PENDING' and expires_at > now() order by id")
                .query(Long.class).list();
    }
}
