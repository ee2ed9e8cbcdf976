package com.switchback.migration;

import java.time.Instant;

/** A request to run an action on one migration, and how its execution went. */
public record MigrationRequest(
        long id,
        String clusterId,
        MigrationAction action,
        boolean swapEndpoints,
        RequestState state,
        String requestedBy,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        String error,
        String stateLeft,
        long version,
        String reason,
        boolean emergency,
        Instant expiresAt,
        String decidedBy,
        Instant decidedAt,
        String decisionComment,
        boolean continueBinlog,
        long epoch,
        boolean safetyStop,
        String executorId,
        Integer writePauseMs,
        Integer writePauseEndpointsMs,
        Boolean endpointsSwappedAfter,
        Instant windowStart,
        Instant windowEnd,
        boolean freezeException) {

    /** The terms it was made on: its maintenance window, and whether it is a freeze exception. */
    public RequestConditions conditions() {
        return new RequestConditions(windowStart, windowEnd, freezeException);
    }

    /** The option as the dialogs name it. */
    public String optionLabel() {
        return switch (action) {
            case SWITCH_OVER -> swapEndpoints ? "Swap endpoints" : "Keep endpoints";
            case ROLL_BACK -> swapEndpoints
                    ? "Switch Back with Endpoints (Connection Changes Not Required)"
                    : "Switch Back without Endpoints (Connection Changes Required)";
            case CANCEL, COMPLETE -> continueBinlog ? "" : "Binary logging off after closing (restarts the cluster)";
            case REPAIR -> swapEndpoints ? "Endpoints swapped, as the last completed action left them"
                    : "Endpoints each to its own side, as the last completed action left them";
        };
    }

    /** Whether {@code user} may withdraw it now: only its requester, and only before it starts. */
    public boolean withdrawableBy(String user) {
        return requestedBy.equals(user) && state.withdrawable();
    }

    /** Ended without ever starting (rejected, withdrawn, expired): its steps are a plan that never ran. */
    public boolean neverRan() {
        return !state.open() && startedAt == null;
    }

    /** The option in a few words, for grid columns (dialogs and the request page keep the vendor's words). */
    public String optionShort() {
        return switch (action) {
            case SWITCH_OVER, ROLL_BACK, REPAIR -> swapEndpoints ? "With endpoints" : "Without endpoints";
            case CANCEL, COMPLETE -> continueBinlog ? "" : "Binlog off";
        };
    }

    /** The write pause its read-only window caused, as measured, or empty when it had none. */
    public String writePause() {
        return writePauseMs == null ? "" : WritePause.describe(java.time.Duration.ofMillis(writePauseMs),
                writePauseEndpointsMs == null ? null : java.time.Duration.ofMillis(writePauseEndpointsMs));
    }

    public ActionOptions options() {
        return new ActionOptions(swapEndpoints, continueBinlog, endpointsSwappedAfter);
    }
}
