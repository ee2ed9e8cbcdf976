package com.switchback.approval;

import com.switchback.base.i18n.Text;

import com.switchback.base.AppRoles;
import com.switchback.base.ActionRefusedException;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestLifecycle;
import com.switchback.migration.RequestPlan;
import com.switchback.migration.RequestState;
import com.switchback.migration.RequestTransition;
import java.time.Instant;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four eyes on every action: a team lead approves or rejects a pending request — never their
 * own. This class holds who may decide and the comment rules; the move itself, with its state and
 * version check and its audit event in the same transaction, is {@link RequestLifecycle}'s.
 */
@Service
public class ApprovalService {

    public static final int MAX_COMMENT = 1000;

    private final ApprovalRepository approvals;
    private final MigrationService migrations;
    private final RequestLifecycle lifecycle;
    private final com.switchback.audit.AuditLog audit;
    private final com.switchback.migration.MigrationEvents events;

    ApprovalService(ApprovalRepository approvals, MigrationService migrations, RequestLifecycle lifecycle,
                    com.switchback.audit.AuditLog audit, com.switchback.migration.MigrationEvents events) {
        this.approvals = approvals;
        this.migrations = migrations;
        this.lifecycle = lifecycle;
        this.audit = audit;
        this.events = events;
    }

    /** The approvals a request has so far, and how many its action needs (the approval rules). */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public Approvals approvalsOf(MigrationRequest r) {
        return new Approvals(approvals.approvals(r.id()), migrations.policy().approvalsNeeded(r));
    }

    /** Who has approved, and how many approvals the action needs in all. */
    public record Approvals(List<Approval> given, int needed) {

        public int stillNeeded() {
            return Math.max(0, needed - given.size());
        }

        public boolean by(String username) {
            return given.stream().anyMatch(a -> a.by().equals(username));
        }
    }

    /** Pending requests, oldest first: the team lead's inbox. */
    @PreAuthorize(AppRoles.CAN_APPROVE)
    @Transactional(readOnly = true)
    public List<MigrationRequest> inbox() {
        return approvals.pendingIds().stream().map(id -> migrations.findRequest(id).orElseThrow()).toList();
    }

    @PreAuthorize(AppRoles.CAN_APPROVE)
    @Transactional(readOnly = true)
    public int pendingCount() {
        // The badge counts what this team lead can act on: never their own requests.
        return approvals.pendingCountNotBy(com.switchback.audit.Actor.current().name());
    }

    /** The current user's own open requests (pending, approved or running): the badge on "Requests". */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public int myOpenCount() {
        return approvals.openCountBy(com.switchback.audit.Actor.current().name());
    }

    /**
     * Approves a request of someone else. The checks are run again first (no database connection is
     * held while the backend answers) and kept with the request; the decision is then one transaction.
     */
    @PreAuthorize(AppRoles.CAN_APPROVE)
    public void approve(long requestId, String comment) {
        List<RequestPlan.Check> checks = migrations.findRequest(requestId)
                .map(r -> migrations.checks(r.clusterId(), r.action(), r.options())).orElse(List.of());
        lifecycle.committingRefusals(() -> {
            MigrationRequest r = decide(requestId, RequestTransition.APPROVE, comment, false);
            lifecycle.recordChecks(r, "APPROVED", checks);
            return null;
        });
    }

    @PreAuthorize(AppRoles.CAN_APPROVE)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public void reject(long requestId, String comment) {
        decide(requestId, RequestTransition.REJECT, comment, true);
    }

    /** Requests nobody approved (or started) in time expire and can no longer run. */
    @Scheduled(fixedDelayString = "${switchback.approval.expiry-check:PT30S}")
    public void expireOverdue() {
        lifecycle.expireOverdue();
    }

    /** Who may decide, and the comment rules; the move itself is the lifecycle's. */
    private MigrationRequest decide(long requestId, RequestTransition t, String comment, boolean commentRequired) {
        String me = currentUser();
        String text = comment == null ? "" : comment.strip();
        MigrationRequest r = lifecycle.lock(requestId)
                .orElseThrow(() -> refused(null, null, Text.of("refusal.noRequest", requestId)));
        if (r.requestedBy().equals(me)) {
            throw refused(r.clusterId(), requestId, Text.of("refusal.ownRequest", requestId));
        }
        if (commentRequired && text.isEmpty()) {
            throw refused(r.clusterId(), requestId, Text.of("request.sayWhyYouReject"));
        }
        if (text.length() > MAX_COMMENT) {
            throw refused(r.clusterId(), requestId, Text.of("refusal.commentTooLong", MAX_COMMENT));
        }
        if (r.state() != RequestState.PENDING) {
            throw refused(r.clusterId(), requestId, Text.of("refusal.alreadyDecided", requestId,
                    Text.of("enum.RequestState." + r.state().name())));
        }
        if (!r.expiresAt().isAfter(Instant.now())) {
            lifecycle.decide(r, RequestTransition.EXPIRE, null, "Expired before a decision",
                    "Request #" + requestId + " expired while pending.");
            throw refused(r.clusterId(), requestId, Text.of("refusal.expired", requestId));
        }
        String by = me;
        if (t == RequestTransition.APPROVE) {
            List<Approval> given = recordApproval(r, me, text);
            if (given == null) {
                return r;
            }
            by = String.join(", ", given.stream().map(Approval::by).toList());
        }
        String verb = t == RequestTransition.APPROVE ? "Approved" : "Rejected";
        if (!lifecycle.decide(r, t, me, text, verb + " by " + by + (text.isEmpty() ? "." : ": " + text))) {
            throw refused(r.clusterId(), requestId, Text.of("refusal.changedMeanwhile", requestId));
        }
        return r;
    }

    /**
     * Records this team lead's approval. Returns every approval given once the action has all it
     * needs (the request then moves to APPROVED); null while more are needed (it stays pending, audited).
     */
    private List<Approval> recordApproval(MigrationRequest r, String me, String comment) {
        int needed = migrations.policy().approvalsNeeded(r);
        if (!approvals.addApproval(r.id(), me, comment)) {
            throw refused(r.clusterId(), r.id(), Text.of("refusal.alreadyApproved", r.id()));
        }
        List<Approval> given = approvals.approvals(r.id());
        if (given.size() >= needed) {
            return given;
        }
        audit.record("request.approval-recorded", r.clusterId(), r.id(), com.switchback.audit.Outcome.SUCCESS,
                "Approval " + given.size() + " of " + needed + " by " + me + (comment.isEmpty() ? "" : ": " + comment)
                        + ". Still needed: " + (needed - given.size()) + " more, from another team lead.");
        events.publish(r.clusterId());
        return null;
    }

    private ActionRefusedException refused(String clusterId, Long requestId, Text reason) {
        return lifecycle.refuse("request.decision-refused", clusterId, requestId, reason);
    }

    private static String currentUser() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "unknown" : auth.getName();
    }
}
