package com.switchback.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How an event's hash is made: SHA-256 over the previous event's hash and the event's content in
 * a fixed order, fields separated by control characters that user text cannot forge (they are
 * replaced before storing).
 */
final class AuditChain {

    /** The hash the first event links to. */
    static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    static String hash(String prevHash, long seq, String occurredAt, String actor, String roles, String address,
                       String action, String clusterId, Long requestId, Outcome outcome, boolean emergency,
                       String details) {
        String content = String.join("\u001f", prevHash, Long.toString(seq), occurredAt, actor, roles, address,
                action, clusterId == null ? "" : clusterId, requestId == null ? "" : requestId.toString(),
                outcome.name(), Boolean.toString(emergency), details);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hash(AuditEvent e) {
        return hash(e.prevHash(), e.seq(), e.occurredAt().toString(), e.actor(), e.actorRoles(), e.clientAddress(),
                e.action(), e.clusterId(), e.requestId(), e.outcome(), e.emergency(), e.details());
    }
}
