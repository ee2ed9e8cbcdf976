package com.switchback.approval;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The team lead's inbox, read from the requests (decisions are made by the request lifecycle). */
@Repository
class ApprovalRepository {

    private final JdbcClient jdbc;

    ApprovalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int openCountBy(String username) {
        return jdbc.sql("""
                        select count(*) from migration_request
                        where requested_by = :u and state in ('PENDING', 'APPROVED', 'EXECUTING')""")
                .param("u", username).query(Integer.class).single();
    }

    /** Pending requests this team lead can act on: not their own, and not already approved by them. */
    int pendingCountNotBy(String username) {
        return jdbc.sql("""
                        select count(*) from migration_request m
                        where m.state = 'PENDING' and m.expires_at > now() and m.requested_by <> :u
                          and not exists (select 1 from request_approval a where a.request_id = m.id and a.approved_by = :u)""")
                .param("u", username).query(Integer.class).single();
    }

    /** The approvals given so far, oldest first. */
    List<com.switchback.approval.Approval> approvals(long requestId) {
        return jdbc.sql("select approved_by, approved_at, comment from request_approval where request_id = :r order by approved_at, approved_by")
                .param("r", requestId)
                .query((rs, n) -> new com.switchback.approval.Approval(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3))).list();
    }

    /** Records one person's approval; false when they had already given it. */
    boolean addApproval(long requestId, String by, String comment) {
        return jdbc.sql("""
                        insert into request_approval (request_id, approved_by, comment) values (:r, :by, :c)
                        on conflict do nothing""")
                .param("r", requestId).param("by", by).param("c", comment).update() == 1;
    }

    List<Long> pendingIds() {
        return jdbc.sql("select id from migration_request where state = 'PENDING' and expires_at > now() order by id")
                .query(Long.class).list();
    }
}
