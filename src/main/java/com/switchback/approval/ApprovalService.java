package com.switchback.approval;

import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import com.switchback.base.AppRoles;
import com.switchback.migration.ActionRefusedException;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import java.util.List;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four eyes on every action: a team lead approves or rejects a pending request — never their
 * own. Each decision locks the request row, checks its state
 * and version, and is audited in the same transaction, so of many clicks exactly one counts.
 */
@Service
public class ApprovalService {

    public static final int MAX_COMMENT = 1000;

    private final ApprovalRepository approvals;
    private final MigrationService migrations;
    private final MigrationEvents events;
    private final AuditLog audit;

    ApprovalService(ApprovalRepository approvals, MigrationService migrations, MigrationEvents events, AuditLog audit) {
        this.approvals = approvals;
        this.migrations = migrations;
        this.events = events;
        this.audit = audit;
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
        return approvals.pendingCount();
    }

    @PreAuthorize(AppRoles.CAN_APPROVE)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public void approve(long requestId, String comment) {
        decide(requestId, "APPROVED", "request.approved", comment, false);
    }

    @PreAuthorize(AppRoles.CAN_APPROVE)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public void reject(long requestId, String comment) {
        decide(requestId, "REJECTED", "request.rejected", comment, true);
    }

    /** Requests nobody approved (or started) in time expire and can no longer run. */
    @Scheduled(fixedDelayString = "${switchback.approval.expiry-check:PT30S}")
    @Transactional
    public void expireOverdue() {
        for (var r : approvals.overdue()) {
            if (approvals.decide(r.id(), r.version(), r.state(), "EXPIRED", null, "Expired before it ran")) {
                audit.record(Actor.SYSTEM, "request.expired", r.clusterId(), r.id(), Outcome.SUCCESS, false,
                        "Request #" + r.id() + " expired while " + r.state().toLowerCase() + ".");
                events.publish(r.clusterId());
            }
        }
    }

    private void decide(long requestId, String to, String auditAction, String comment, boolean commentRequired) {
        String me = currentUser();
        String text = comment == null ? "" : comment.strip();
        var r = approvals.lock(requestId).orElseThrow(() -> refused(null, null, "There is no request #" + requestId + "."));
        if (r.requestedBy().equals(me)) {
            throw refused(r.clusterId(), requestId, "You made request #" + requestId
                    + ": another team lead must decide on it.");
        }
        if (commentRequired && text.isEmpty()) {
            throw refused(r.clusterId(), requestId, "Say why you reject it: a comment is required.");
        }
        if (text.length() > MAX_COMMENT) {
            throw refused(r.clusterId(), requestId, "The comment is too long: at most " + MAX_COMMENT + " characters.");
        }
        if (!r.state().equals("PENDING")) {
            throw refused(r.clusterId(), requestId, "Request #" + requestId + " is already " + r.state().toLowerCase() + ".");
        }
        if (r.expired()) {
            approvals.decide(requestId, r.version(), "PENDING", "EXPIRED", null, "Expired before a decision");
            audit.record(Actor.SYSTEM, "request.expired", r.clusterId(), requestId, Outcome.SUCCESS, false,
                    "Request #" + requestId + " expired while pending.");
            events.publish(r.clusterId());
            throw refused(r.clusterId(), requestId, "Request #" + requestId + " has expired and can no longer be approved.");
        }
        if (!approvals.decide(requestId, r.version(), "PENDING", to, me, text)) {
            throw refused(r.clusterId(), requestId, "Request #" + requestId + " changed meanwhile: look again.");
        }
        audit.record(auditAction, r.clusterId(), requestId, Outcome.SUCCESS,
                (to.equals("APPROVED") ? "Approved" : "Rejected") + " by " + me + (text.isEmpty() ? "." : ": " + text));
        events.publish(r.clusterId());
    }

    private ActionRefusedException refused(String clusterId, Long requestId, String reason) {
        audit.record("request.decision-refused", clusterId, requestId, Outcome.DENIED, reason);
        return new ActionRefusedException(reason);
    }

    private static String currentUser() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "unknown" : auth.getName();
    }
}
