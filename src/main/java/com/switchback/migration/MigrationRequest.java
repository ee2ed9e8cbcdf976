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
        String executorId) {

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

    public ActionOptions options() {
        return new ActionOptions(swapEndpoints, continueBinlog);
    }
}
