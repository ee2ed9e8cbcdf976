package com.switchback.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkpoints anchor the audit chain outside the database: each signs (HMAC-SHA256, {@link AuditKey})
 * the sequence number and hash of the newest event at that moment. Whoever rewrites the events
 * consistently, hashes and all, cannot make the signed heads match without the key. Written every
 * {@code switchback.audit.checkpoint-every} when the trail has grown, and on every export.
 */
@Component
public class AuditCheckpoints {

    /** One signed head of the chain. */
    public record Checkpoint(long id, long eventSeq, String headHash, Instant createdAt, String keyId, String signature) {

        /** What the signature covers, length-prefixed like the events themselves. */
        byte[] content() {
            return content(eventSeq, headHash, createdAt, keyId);
        }

        static byte[] content(long eventSeq, String headHash, Instant createdAt, String keyId) {
            return AuditChain.canonical("switchback-audit-checkpoint-v1", Long.toString(eventSeq), headHash,
                    createdAt.toString(), keyId);
        }

        boolean signedWith(byte[] key) {
            return AuditKey.idOf(key).equals(keyId) && AuditKey.hmac(key, content()).equals(signature);
        }
    }

    private final JdbcClient jdbc;
    private final AuditKey key;

    AuditCheckpoints(JdbcClient jdbc, AuditKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /** Signs the current head, unless the newest checkpoint already has it. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void write() {
        // The chain's own lock: the head read here is the newest committed event, none half-appended.
        jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", AuditLog.CHAIN_LOCK).query((rs, n) -> 1).list();
        record Head(long seq, String hash) {
        }
        var head = jdbc.sql("select seq, hash from audit_event order by seq desc limit 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).optional();
        if (head.isEmpty()) {
            return;
        }
        long signed = jdbc.sql("select coalesce(max(event_seq), 0) from audit_checkpoint").query(Long.class).single();
        if (signed == head.get().seq()) {
            return;
        }
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String signature = key.sign(Checkpoint.content(head.get().seq(), head.get().hash(), at, key.id()));
        jdbc.sql("""
                        insert into audit_checkpoint (event_seq, head_hash, created_at, key_id, signature)
                        values (:seq, :head, :at, :key, :sig)""")
                .param("seq", head.get().seq()).param("head", head.get().hash()).param("at", Timestamp.from(at))
                .param("key", key.id()).param("sig", signature).update();
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${switchback.audit.checkpoint-every:PT5M}")
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void periodically() {
        write();
    }

    /** Every checkpoint, oldest first. */
    public List<Checkpoint> all() {
        return jdbc.sql("select id, event_seq, head_hash, created_at, key_id, signature from audit_checkpoint order by id")
                .query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)))
                .list();
    }

    boolean valid(Checkpoint c) {
        return c.signedWith(key.bytes());
    }
}
