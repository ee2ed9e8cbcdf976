package com.switchback.migration;

import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import com.switchback.base.AppRoles;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What people do with migrations: look at them and ask for actions. */
@Service
public class MigrationService {

    /** The longest reason kept with a request. */
    public static final int MAX_REASON = 1000;

    private final MigrationRepository migrations;
    private final RequestRepository requests;
    private final MigrationBackends backends;
    private final ApprovalPolicy policy;
    private final MigrationEvents events;
    private final AuditLog audit;
    private final OverviewCache overviews;

    MigrationService(MigrationRepository migrations, RequestRepository requests, MigrationBackends backends,
                     ApprovalPolicy policy, MigrationEvents events, AuditLog audit, OverviewCache overviews) {
        this.migrations = migrations;
        this.requests = requests;
        this.backends = backends;
        this.policy = policy;
        this.events = events;
        this.audit = audit;
        this.overviews = overviews;
    }

    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public Optional<MigrationOverview> overview(String clusterId) {
        return Optional.ofNullable(overviews.get(clusterId, () -> migrations.find(clusterId).map(t -> {
            Optional<MigrationRequest> latest = requests.latestFor(clusterId);
            List<StepRecord> steps = latest.map(r -> requests.steps(r.id())).orElse(List.of());
            MigrationBackend backend = backends.get(t.backend());
            return new MigrationOverview(t.snapshot(), t.backend(), backend.simulated(), latest, steps,
                    backend.asksContinueBinlog());
        }).orElse(null)));
    }

    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public Optional<MigrationRequest> findRequest(long requestId) {
        return requests.find(requestId);
    }

    /** Requests, newest first, filtered and paged in SQL: the history every role may read. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public List<MigrationRequest> requests(RequestFilter filter, int offset, int limit) {
        return requests.search(filter, Math.max(0, offset), Math.clamp(limit, 1, 500));
    }

    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public int countRequests(RequestFilter filter) {
        return requests.count(filter);
    }

    /** The policy in force, so views can say what happens after OK. */
    public ApprovalPolicy policy() {
        return policy;
    }

    /**
     * Records a request for an action, with the requester's reason. The migration row is locked,
     * the state machine is asked against the last observed status, and the one-open-request rule
     * is checked, all in one transaction: a second click or a second node gets a refusal, never a
     * second request. A refusal is audited too.
     */
    @PreAuthorize(AppRoles.CAN_OPERATE)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public MigrationRequest request(String clusterId, MigrationAction action, boolean swapEndpoints, String reason) {
        return request(clusterId, action, ActionOptions.swap(swapEndpoints), reason);
    }

    /** As {@link #request(String, MigrationAction, boolean, String)}, with all of the user's choices. */
    @PreAuthorize(AppRoles.CAN_OPERATE)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public MigrationRequest request(String clusterId, MigrationAction action, ActionOptions options, String reason) {
        boolean needsApproval = policy.needsApproval(action);
        return create(clusterId, action, options, reason, needsApproval ? RequestState.PENDING : RequestState.APPROVED,
                false);
    }

    /**
     * The emergency path, when the policy opens it: a team lead runs an action at once, without a
     * second person. Flagged on the request and on every audit event it causes.
     */
    @PreAuthorize(AppRoles.CAN_APPROVE)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public MigrationRequest requestEmergency(String clusterId, MigrationAction action, boolean swapEndpoints,
                                             String reason) {
        return requestEmergency(clusterId, action, ActionOptions.swap(swapEndpoints), reason);
    }

    /** As {@link #requestEmergency(String, MigrationAction, boolean, String)}, with all of the user's choices. */
    @PreAuthorize(AppRoles.CAN_APPROVE)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public MigrationRequest requestEmergency(String clusterId, MigrationAction action, ActionOptions options,
                                             String reason) {
        if (!policy.emergencyEnabled()) {
            audit.record("request.refused", clusterId, null, Outcome.DENIED,
                    "Emergency " + action.title() + " refused: the emergency path is off.");
            throw new ActionRefusedException("The emergency path is off: this action needs a team lead's approval.");
        }
        return create(clusterId, action, options, reason, RequestState.APPROVED, true);
    }

    /** A requester takes back their own request before it starts running. */
    @PreAuthorize(AppRoles.CAN_OPERATE)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public void withdraw(long requestId) {
        String me = currentUser();
        MigrationRequest r = requests.lock(requestId)
                .orElseThrow(() -> new ActionRefusedException("There is no request #" + requestId + "."));
        String refusal = null;
        if (!r.requestedBy().equals(me)) {
            refusal = "Only " + r.requestedBy() + ", who made request #" + requestId + ", can withdraw it.";
        } else if (r.state() != RequestState.PENDING && r.state() != RequestState.APPROVED) {
            refusal = "Request #" + requestId + " is " + r.state().name().toLowerCase()
                    + ": only a request that has not started can be withdrawn.";
        } else if (!requests.withdraw(requestId, r.version(), r.state(), me)) {
            refusal = "Request #" + requestId + " changed meanwhile: look again.";
        }
        if (refusal != null) {
            audit.record("request.withdraw-refused", r.clusterId(), requestId, Outcome.DENIED, refusal);
            throw new ActionRefusedException(refusal);
        }
        audit.record("request.withdrawn", r.clusterId(), requestId, Outcome.SUCCESS, "Withdrawn by " + me + ".");
        events.publish(r.clusterId());
    }

    /**
     * Runs a failed request again from the step that failed, when the failure left the action half
     * done (the migration still shows the action's in-flight status, e.g. SWITCHING): the approval
     * covered the whole action, and finishing it is the way back to a usable pair. The steps
     * already done are not repeated; each step re-reads the servers before it acts. An action that
     * failed before it changed anything, or undid itself, needs a new request instead.
     */
    @PreAuthorize(AppRoles.CAN_OPERATE)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public void retry(long requestId, String reason) {
        String why = reason == null ? "" : reason.strip();
        MigrationRequest r = requests.lock(requestId)
                .orElseThrow(() -> new ActionRefusedException("There is no request #" + requestId + "."));
        String refusal = retryRefusal(r);
        if (refusal == null && why.isEmpty()) {
            refusal = "A reason is required.";
        } else if (refusal == null && why.length() > MAX_REASON) {
            refusal = "The reason is too long: at most " + MAX_REASON + " characters.";
        }
        if (refusal == null && !requests.retry(requestId, r.version(), policy.validFor())) {
            refusal = "Request #" + requestId + " changed meanwhile: look again.";
        }
        if (refusal != null) {
            audit.record("request.retry-refused", r.clusterId(), requestId, Outcome.DENIED, refusal);
            throw new ActionRefusedException(refusal);
        }
        audit.record("request.retried", r.clusterId(), requestId, Outcome.SUCCESS,
                "Retry from the failed step by " + currentUser() + ": " + why);
        events.publish(r.clusterId());
    }

    /** Why {@code r} cannot be retried now, or null when it can. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public String retryRefusal(MigrationRequest r) {
        String status = migrations.find(r.clusterId()).map(t -> t.snapshot().status()).orElse("");
        return Retries.refusal(r, requests.steps(r.id()), status);
    }

    /** The plan of a request: pre-checks run now against the backend, and the steps that will run. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public RequestPlan plan(long requestId) {
        MigrationRequest r = requests.find(requestId)
                .orElseThrow(() -> new ActionRefusedException("There is no request #" + requestId + "."));
        List<String> steps = requests.steps(requestId).stream().map(StepRecord::title).toList();
        MigrationBackend backend = backends.get(migrations.find(r.clusterId()).orElseThrow().backend());
        List<RequestPlan.Check> checks = new java.util.ArrayList<>();
        try {
            checks.addAll(PreChecks.of(backend.describe(r.clusterId()), r.action(), Instant.now()));
            checks.addAll(backend.preChecks(r.clusterId(), r.action(), r.swapEndpoints()));
        } catch (RuntimeException e) {
            return new RequestPlan(List.of(new RequestPlan.Check("Backend reachable", false,
                    OperationRunner.describe(e))), steps);
        }
        return new RequestPlan(checks, steps);
    }

    private MigrationRequest create(String clusterId, MigrationAction action, ActionOptions chosen, String reason,
                                    RequestState initial, boolean emergency) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw refused(clusterId, action, "A reason is required.");
        }
        if (why.length() > MAX_REASON) {
            throw refused(clusterId, action, "The reason is too long: at most " + MAX_REASON + " characters.");
        }
        var tracked = migrations.lock(clusterId)
                .orElseThrow(() -> refused(null, action, "There is no cluster " + clip(clusterId) + "."));
        MigrationSnapshot s = tracked.snapshot();
        var decision = ActionRules.check(s.status(), s.delayedSeconds(), action);
        if (!decision.allowed()) {
            throw refused(clusterId, action, decision.reason());
        }
        Optional<MigrationRequest> open = requests.openFor(clusterId);
        if (open.isPresent()) {
            throw refused(clusterId, action, "Request #" + open.get().id() + " (" + open.get().action().title()
                    + ") is still " + open.get().state().name().toLowerCase() + " for this migration: wait until it ends.");
        }
        // A choice the action does not offer is not recorded: swapping is for Switch Over and Roll Back only.
        var options = new ActionOptions(action.hasEndpointOption() && chosen.swapEndpoints(),
                action.hasEndpointOption() || chosen.continueBinlog());
        List<MigrationStep> plan = backends.get(tracked.backend()).plan(clusterId, action, options);
        long id;
        try {
            id = requests.insert(clusterId, action, options, initial, currentUser(), why, emergency, policy.validFor());
        } catch (DuplicateKeyException e) {
            throw refused(clusterId, action, "Another request for this migration was just made: wait until it ends.");
        }
        requests.insertSteps(id, plan);
        MigrationRequest created = requests.find(id).orElseThrow();
        String what = action.title() + (created.optionLabel().isEmpty() ? "" : " (" + created.optionLabel() + ")");
        if (emergency) {
            audit.record(com.switchback.audit.Actor.current(), "request.emergency", clusterId, id, Outcome.SUCCESS,
                    true, "Emergency run of " + what + " without approval. Reason: " + why);
        } else {
            audit.record("request.created", clusterId, id, Outcome.SUCCESS, what + ". Reason: " + why);
            if (initial == RequestState.APPROVED) {
                audit.record("request.approved", clusterId, id, Outcome.SUCCESS,
                        "Approved by policy: " + action.title() + " does not need a team lead's approval.");
            }
        }
        events.publish(clusterId);
        return created;
    }

    private ActionRefusedException refused(String clusterId, MigrationAction action, String reason) {
        audit.record("request.refused", clusterId, null, Outcome.DENIED, action.title() + " refused: " + reason);
        return new ActionRefusedException(reason);
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }

    private static String currentUser() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "unknown" : auth.getName();
    }
}
