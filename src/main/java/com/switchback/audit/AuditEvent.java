package com.switchback.audit;

import java.time.Instant;

/** One link of the audit chain. */
public record AuditEvent(long seq, Instant occurredAt, String actor, String actorRoles, String clientAddress,
                         String action, String clusterId, Long requestId, Outcome outcome, boolean emergency,
                         String details, String prevHash, String hash, int hashVersion) {
}
