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

    int pendingCountNotBy(String username) {
        return jdbc.sql("""
                        select count(*) from migration_request
                        where state = 'PENDING' and expires_at > now() and requested_by <> :u""")
                .param("u", username).query(Integer.class).single();
    }

    List<Long> pendingIds() {
        return jdbc.sql("select id from migration_request where state = 'PENDING' and expires_at > now() order by id")
                .query(Long.class).list();
    }
}
