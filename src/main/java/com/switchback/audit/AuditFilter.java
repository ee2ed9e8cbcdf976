package com.switchback.audit;

import java.time.Instant;

/** What the audit view and the export select: any field may be null for "any". */
public record AuditFilter(Instant from, Instant to, String actor, String action, String clusterId, Outcome outcome,
                          Long requestId) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
        clusterId = blankToNull(clusterId);
    }

    public static AuditFilter ofRequest(long requestId) {
        return new AuditFilter(null, null, null, null, null, null, requestId);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
