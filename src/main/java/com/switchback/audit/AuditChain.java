package com.switchback.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How an event's hash is made: SHA-256 over the previous event's hash and the event's content in a
 * fixed order. Version 2 (every event since V13) encodes each field with its length in front, so no
 * field's text can shift a boundary whatever characters it holds; version 1 (older events) joined
 * the fields with a separator character and is kept only to verify them. DD005.
 */
final class AuditChain {

    /** The hash the first event links to. */
    static final String GENESIS = "0".repeat(64);

    /** The encoding new events are hashed with. */
    static final int CURRENT_VERSION = 2;

    private AuditChain() {
    }

    static String hash(int version, String prevHash, long seq, String occurredAt, String actor, String roles,
                       String address, String action, String clusterId, Long requestId, Outcome outcome,
                       boolean emergency, String details) {
        String request = requestId == null ? null : requestId.toString();
        byte[] content = switch (version) {
            case 1 -> String.join("\u001f", prevHash, Long.toString(seq), occurredAt, actor, roles, address, action,
                    clusterId == null ? "" : clusterId, request == null ? "" : request, outcome.name(),
                    Boolean.toString(emergency), details).getBytes(StandardCharsets.UTF_8);
            case 2 -> canonical("switchback-audit-event-v2", prevHash, Long.toString(seq), occurredAt, actor, roles,
                    address, action, clusterId, request, outcome.name(), Boolean.toString(emergency), details);
            default -> throw new IllegalArgumentException("Unknown audit hash version " + version);
        };
        return HexFormat.of().formatHex(sha256(content));
    }

    static String hash(AuditEvent e) {
        return hash(e.hashVersion(), e.prevHash(), e.seq(), e.occurredAt().toString(), e.actor(), e.actorRoles(),
                e.clientAddress(), e.action(), e.clusterId(), e.requestId(), e.outcome(), e.emergency(), e.details());
    }

    /**
     * Each field as a four-byte big-endian length of its UTF-8 bytes, then the bytes; an absent
     * field (null) has length -1 and no bytes, so it differs from an empty one.
     */
    static byte[] canonical(String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String field : fields) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(field == null ? -1 : bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
