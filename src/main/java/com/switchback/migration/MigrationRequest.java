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

    /** The option it was made with, in the dialog's words (English; a page says {@link #optionLabelKey()}). */
    public String optionLabel() {
        return com.switchback.base.i18n.Messages.get(java.util.Locale.ENGLISH, optionLabelKey());
    }

    /** The message key of the option's long label; empty when the action was made with its default. */
    public String optionLabelKey() {
        return switch (action) {
            case SWITCH_OVER -> swapEndpoints ? "option.switchOver.swap" : "option.switchOver.keep";
            case ROLL_BACK -> swapEndpoints ? "option.rollBack.swap" : "option.rollBack.keep";
            case CANCEL, COMPLETE -> continueBinlog ? "" : "option.binlogOff";
            case REPAIR -> swapEndpoints ? "option.repair.swapped" : "option.repair.own";
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

    /** The message key of the option in a grid's few words; empty when the action was made with its default. */
    public String optionShortKey() {
        return switch (action) {
            case SWITCH_OVER, ROLL_BACK, REPAIR -> swapEndpoints ? "option.short.with" : "option.short.without";
            case CANCEL, COMPLETE -> continueBinlog ? "" : "option.short.binlogOff";
        };
    }

    /** The write pause its read-only window caused, as measured, or empty when it had none. */
    public String writePause() {
        return writePauseMs == null ? "" : writePauseText().english();
    }

    /** As {@link #writePause()}, for a page to say in its own language; null when it had none. */
    public com.switchback.base.i18n.Text writePauseText() {
        return writePauseMs == null ? null : WritePause.text(java.time.Duration.ofMillis(writePauseMs),
                writePauseEndpointsMs == null ? null : java.time.Duration.ofMillis(writePauseEndpointsMs));
    }

    public ActionOptions options() {
        return new ActionOptions(swapEndpoints, continueBinlog, endpointsSwappedAfter);
    }
}
