package com.switchback.migration;

import static com.switchback.migration.RequestState.APPROVED;
import static com.switchback.migration.RequestState.EXECUTING;
import static com.switchback.migration.RequestState.EXPIRED;
import static com.switchback.migration.RequestState.FAILED;
import static com.switchback.migration.RequestState.PENDING;
import static com.switchback.migration.RequestState.REJECTED;
import static com.switchback.migration.RequestState.SUCCEEDED;
import static com.switchback.migration.RequestState.WITHDRAWN;

import java.util.EnumSet;
import java.util.Set;

/**
 * The request lifecycle as one table: each move, the states it may start from, the state it ends
 * in, and the audit event written in the same transaction. Retry is a move (FAILED → APPROVED),
 * not a state; a takeover is a claim of a request whose executor went quiet.
 */
public enum RequestTransition {
    APPROVE(EnumSet.of(PENDING), APPROVED, "request.approved"),
    REJECT(EnumSet.of(PENDING), REJECTED, "request.rejected"),
    WITHDRAW(EnumSet.of(PENDING, APPROVED), WITHDRAWN, "request.withdrawn"),
    EXPIRE(EnumSet.of(PENDING, APPROVED), EXPIRED, "request.expired"),
    CLAIM(EnumSet.of(APPROVED), EXECUTING, "execution.started"),
    /** The claim of a retried request: its journal already has steps done. */
    RESUME(EnumSet.of(APPROVED), EXECUTING, "execution.resumed"),
    TAKE_OVER(EnumSet.of(EXECUTING), EXECUTING, "execution.taken-over"),
    SUCCEED(EnumSet.of(EXECUTING), SUCCEEDED, "execution.succeeded"),
    FAIL(EnumSet.of(EXECUTING), FAILED, "execution.failed"),
    SAFETY_STOP(EnumSet.of(EXECUTING), FAILED, "execution.safety-stop"),
    RETRY(EnumSet.of(FAILED), APPROVED, "request.retried");

    private final Set<RequestState> from;
    private final RequestState to;
    private final String auditAction;

    RequestTransition(Set<RequestState> from, RequestState to, String auditAction) {
        this.from = from;
        this.to = to;
        this.auditAction = auditAction;
    }

    public Set<RequestState> from() {
        return from;
    }

    public RequestState to() {
        return to;
    }

    public String auditAction() {
        return auditAction;
    }

    public boolean allowedFrom(RequestState state) {
        return from.contains(state);
    }

    /** Whether the request is over after this move. */
    boolean ends() {
        return !to.open();
    }
}
