package com.switchback.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends events to the audit chain, inside the caller's transaction: the event and the change it
 * records commit together or not at all. Writers are serialized by a transaction-scoped advisory
 * lock, so the chain stays one line.
 */
@Component
public class AuditLog {

    /** Longest details text kept; longer text is cut and says so. */
    static final int MAX_DETAILS = 4000;
    static final long CHAIN_LOCK = 0x5377_6974_6368L;

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an event of the current user. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String clusterId, Long requestId, Outcome outcome, String details) {
        record(Actor.current(), action, clusterId, requestId, outcome, false, details);
    }

    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Actor actor, String action, String clusterId, Long requestId, Outcome outcome,
                       boolean emergency, String details) {
        jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", CHAIN_LOCK).query((rs, n) -> 1).list();
        record Last(long seq, String hash) {
        }
        Last last = jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
                .query((rs, n) -> new Last(rs.getLong(1), rs.getString(2))).optional()
                .orElse(new Last(0, AuditChain.GENESIS));
        long seq = last.seq() + 1;
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String text = safe(details);
        String hash = AuditChain.hash(AuditChain.CURRENT_VERSION, last.hash(), seq, at.toString(), actor.name(), actor.roles(), actor.address(),
                action, clusterId, requestId, outcome, emergency, text);
        jdbc.sql("""
                        insert into audit_event (seq, occurred_at, actor, actor_roles, client_address, action, cluster_id,
                            request_id, outcome, emergency, details, prev_hash, hash, hash_version)
                        values (:seq, :at, :actor, :roles, :addr, :action, :cluster, :request, :outcome, :emergency,
                            :details, :prev, :hash, :version)""")
                .param("seq", seq).param("at", Timestamp.from(at)).param("actor", actor.name())
                .param("roles", actor.roles()).param("addr", actor.address()).param("action", action)
                .param("cluster", clusterId).param("request", requestId).param("outcome", outcome.name())
                .param("emergency", emergency).param("details", text).param("prev", last.hash()).param("hash", hash)
                .param("version", AuditChain.CURRENT_VERSION).update();
    }

    /** User text is stored as plain text without control characters, and bounded. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("[\\p{Cntrl}&&[^\\n\\t]]", " ");
        return clean.length() <= MAX_DETAILS ? clean : clean.substring(0, MAX_DETAILS) + " …(cut)";
    }
}
