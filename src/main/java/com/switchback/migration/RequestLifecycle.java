package com.switchback.migration;

import com.switchback.base.ActionRefusedException;
import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one home of the request lifecycle (docs/architecture.md, "Request lifecycle"). Every move of
 * a request — a decision, an expiry, the claim, a takeover, the end of a run, a retry — goes
 * through here, checks the state it starts from ({@link RequestTransition}) and the version or
 * fencing epoch, and writes its audit event in the same transaction. Who may ask for a move is the
 * callers' business (the services' method security, the approval rules).
 */
@Component
public class RequestLifecycle {

    private final RequestRepository requests;
    private final AuditLog audit;
    private final MigrationEvents events;
    private final TransactionTemplate tx;
    private final RequestNotices notices;

    RequestLifecycle(RequestRepository requests, AuditLog audit, MigrationEvents events, TransactionTemplate tx,
                     RequestNotices notices) {
        this.requests = requests;
        this.audit = audit;
        this.events = events;
        this.tx = tx;
        this.notices = notices;
    }

    /**
     * Runs {@code work} in one transaction that commits even when it refuses, so a refusal's audit
     * event stays; the refusal is then thrown. For services that read a backend first, outside any
     * transaction, and then decide.
     */
    public <T> T committingRefusals(Supplier<T> work) {
        ActionRefusedException[] refusal = new ActionRefusedException[1];
        T result = tx.execute(status -> {
            try {
                return work.get();
            } catch (ActionRefusedException e) {
                refusal[0] = e;
                return null;
            }
        });
        if (refusal[0] != null) {
            throw refusal[0];
        }
        return result;
    }

    /** Reads a request under a row lock, for a decision on it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<MigrationRequest> lock(long requestId) {
        return requests.lock(requestId);
    }

    /**
     * A new request, PENDING or (by policy, or on the emergency path) already APPROVED, audited as
     * such, with the checks it met when it was made (warnings acknowledged by the requester).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    MigrationRequest submit(String clusterId, MigrationAction action, ActionOptions options, boolean approved,
                            boolean emergency, String requestedBy, String reason, Duration validFor,
                            List<MigrationStep> plan, List<RequestPlan.Check> checks, RequestConditions conditions) {
        long id = requests.insert(clusterId, action, options, approved ? RequestState.APPROVED : RequestState.PENDING,
                requestedBy, reason, emergency, validFor, conditions);
        requests.insertSteps(id, plan);
        requests.saveChecks(id, "REQUESTED", checks);
        MigrationRequest created = requests.find(id).orElseThrow();
        String what = action.title() + (created.optionLabel().isEmpty() ? "" : " (" + created.optionLabel() + ")")
                + (conditions.freezeException() ? ", as a freeze exception" : "")
                + (conditions.hasWindow() ? ", to run " + MaintenanceWindow.describe(created) : "");
        if (emergency) {
            audit.record(Actor.current(), "request.emergency", clusterId, id, Outcome.SUCCESS, true,
                    "Emergency run of " + what + " without approval. Reason: " + reason + " " + CheckSummary.of(checks));
        } else {
            audit.record("request.created", clusterId, id, Outcome.SUCCESS, what + ". Reason: " + reason + " "
                    + CheckSummary.of(checks));
            if (approved) {
                audit.record(Actor.SYSTEM, RequestTransition.APPROVE.auditAction(), clusterId, id, Outcome.SUCCESS,
                        false, "Approved by policy: " + action.title() + " does not need a team lead's approval.");
            } else {
                notices.requestMade(created);
            }
        }
        events.publish(clusterId);
        return created;
    }

    /**
     * A person's decision (approve, reject, withdraw) or the system's expiry, made once: false when
     * the request is no longer in a state the move starts from, or changed since it was read.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean decide(MigrationRequest r, RequestTransition t, String decidedBy, String comment, String details) {
        if (!List.of(RequestTransition.APPROVE, RequestTransition.REJECT, RequestTransition.WITHDRAW,
                RequestTransition.EXPIRE).contains(t)) {
            throw new IllegalArgumentException(t + " is not a decision");
        }
        if (!t.allowedFrom(r.state()) || !requests.decide(r.id(), r.version(), t, decidedBy, comment)) {
            return false;
        }
        Actor actor = t == RequestTransition.EXPIRE ? Actor.SYSTEM : Actor.current();
        audit.record(actor, t.auditAction(), r.clusterId(), r.id(), Outcome.SUCCESS, r.emergency(), details);
        boolean noComment = comment == null || comment.isBlank();
        notices.emit(t, r, t == RequestTransition.EXPIRE ? null : com.switchback.base.i18n.Text.of(
                noComment ? "notice.by" : "notice.byWithComment", actor.name(), noComment ? "" : comment));
        events.publish(r.clusterId());
        return true;
    }

    /** Requests that waited too long expire (pending, or approved but never started). */
    @Transactional
    public void expireOverdue() {
        for (MigrationRequest r : requests.overdue()) {
            decide(r, RequestTransition.EXPIRE, null, "Expired before it ran",
                    "Request #" + r.id() + " expired while " + r.state().name().toLowerCase() + ".");
        }
    }

    /** FAILED → APPROVED: the executors run it again from its failed step. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean retry(MigrationRequest r, Duration validFor, String details) {
        if (!RequestTransition.RETRY.allowedFrom(r.state()) || !requests.retry(r.id(), r.version(), validFor)) {
            return false;
        }
        audit.record(Actor.current(), RequestTransition.RETRY.auditAction(), r.clusterId(), r.id(), Outcome.SUCCESS,
                r.emergency(), details);
        events.publish(r.clusterId());
        return true;
    }

    /** A step of a run failed: told in the run's transaction (the run's failure follows). */
    @Transactional(propagation = Propagation.MANDATORY)
    void stepFailed(MigrationRequest r, int seq, String message) {
        notices.stepFailed(r, seq, message);
    }

    /** Keeps the checks a request met when it was approved or when its execution started. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordChecks(MigrationRequest r, String phase, List<RequestPlan.Check> checks) {
        requests.saveChecks(r.id(), phase, checks);
    }

    /** Audits a refusal and gives the exception that tells the user why. */
    public ActionRefusedException refuse(String auditAction, String clusterId, Long requestId, String reason) {
        return refuse(auditAction, clusterId, requestId, com.switchback.base.i18n.Text.asWritten(reason));
    }

    /** As above, with the reason as a {@link com.switchback.base.i18n.Text}: audited in English, shown in the person's language. */
    public ActionRefusedException refuse(String auditAction, String clusterId, Long requestId,
                                         com.switchback.base.i18n.Text reason) {
        audit.record(auditAction, clusterId, requestId, Outcome.DENIED, reason.english());
        return new ActionRefusedException(reason);
    }

    /** Claims the next ready (or abandoned) request with a new epoch; the claim is audited with it. */
    @Transactional
    Optional<Lease> claim(String executorId, Duration staleAfter) {
        return claim(executorId, staleAfter, java.util.Set.of());
    }

    /** As {@link #claim(String, Duration)}, never taking over one of {@code runningHere}. */
    @Transactional
    Optional<Lease> claim(String executorId, Duration staleAfter, java.util.Set<Long> runningHere) {
        return requests.claim(executorId, staleAfter, runningHere).map(claimed -> {
            Lease lease = claimed.lease();
            MigrationRequest r = requests.find(lease.requestId()).orElseThrow();
            boolean resumed = requests.steps(r.id()).stream().anyMatch(s -> s.state() != StepRecord.StepState.PENDING);
            RequestTransition t = lease.takeover() ? RequestTransition.TAKE_OVER
                    : resumed ? RequestTransition.RESUME : RequestTransition.CLAIM;
            String details = switch (t) {
                case TAKE_OVER -> "Taken over by " + executorId + " from " + claimed.previousExecutor()
                        + ", whose heartbeat stopped";
                case RESUME -> "Resumed from the journal by " + executorId;
                default -> "Started by " + executorId;
            } + " (run epoch " + lease.epoch() + ").";
            audit.record(Actor.SYSTEM, t.auditAction(), r.clusterId(), r.id(), Outcome.SUCCESS, r.emergency(), details);
            notices.emit(t, r, null);
            events.publish(r.clusterId());
            return lease;
        });
    }

    /** Heartbeat and fence in one: throws once another executor holds the request. */
    void touch(Lease lease) {
        if (!requests.touch(lease)) {
            throw new FencedException(lease);
        }
    }

    /**
     * Extends the lease by {@code by} before a read-only window; returns this node's deadline for it
     * (taken before the database's, so it is never later). Throws when fenced.
     */
    long extendLease(Lease lease, java.time.Duration by) {
        long deadline = System.nanoTime() + by.toNanos();
        if (!requests.extend(lease, by)) {
            throw new FencedException(lease);
        }
        return deadline;
    }

    /**
     * Runs {@code work} (journal writes and their audit events) in one transaction that first checks
     * the lease and keeps it from being taken over until it commits. Throws when fenced: nothing is written.
     */
    @Transactional
    <T> T inRun(Lease lease, Supplier<T> work) {
        if (!requests.holds(lease)) {
            throw new FencedException(lease);
        }
        return work.get();
    }

    /** Ends a run (SUCCEED, FAIL or SAFETY_STOP) with its audit event; throws when fenced. */
    @Transactional
    void finish(Lease lease, RequestTransition t, MigrationRequest r, String error, String stateLeft, String details) {
        if (!List.of(RequestTransition.SUCCEED, RequestTransition.FAIL, RequestTransition.SAFETY_STOP).contains(t)) {
            throw new IllegalArgumentException(t + " does not end a run");
        }
        if (!requests.finish(lease, t, error, stateLeft)) {
            throw new FencedException(lease);
        }
        audit.record(Actor.SYSTEM, t.auditAction(), r.clusterId(), r.id(),
                t == RequestTransition.SUCCEED ? Outcome.SUCCESS : Outcome.FAILURE, r.emergency(), details);
        notices.emit(t, r, error);
        events.publish(r.clusterId());
    }
}
