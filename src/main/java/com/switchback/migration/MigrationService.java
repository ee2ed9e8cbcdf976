package com.switchback.migration;

import com.switchback.base.i18n.Text;

import com.switchback.base.ActionRefusedException;
import com.switchback.base.AppRoles;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final RequestLifecycle lifecycle;
    private final OverviewCache overviews;

    MigrationService(MigrationRepository migrations, RequestRepository requests, MigrationBackends backends,
                     ApprovalPolicy policy, RequestLifecycle lifecycle, OverviewCache overviews,
                     List<ClusterGate> gates, org.springframework.transaction.PlatformTransactionManager transactions) {
        this.gates = gates;
        this.readOnly = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        overviews.warmWith(this::readOverview);
        this.migrations = migrations;
        this.requests = requests;
        this.backends = backends;
        this.policy = policy;
        this.lifecycle = lifecycle;
        this.overviews = overviews;
    }

    private final List<ClusterGate> gates;
    private final org.springframework.transaction.support.TransactionTemplate readOnly;

    /**
     * Every open page of a cluster reads this on each of its changes: served from the read shared per
     * change ({@link OverviewCache}); only a miss opens a (read-only) transaction and a connection.
     */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public Optional<MigrationOverview> overview(String clusterId) {
        return Optional.ofNullable(overviews.get(clusterId, () -> readOverview(clusterId)));
    }

    /** The overview as read from the database now (null for an unknown cluster), in a read-only transaction. */
    private MigrationOverview readOverview(String clusterId) {
        return readOnly.execute(tx -> migrations.find(clusterId).map(t -> {
            Optional<MigrationRequest> latest = requests.latestFor(clusterId);
            List<StepRecord> steps = latest.map(r -> requests.steps(r.id())).orElse(List.of());
            MigrationBackend backend = backends.get(t.backend());
            return new MigrationOverview(t.snapshot(), t.backend(), backend.simulated(), latest, steps,
                    backend.asksContinueBinlog(), backend.supports(MigrationAction.REPAIR));
        }).orElse(null));
    }

    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public Optional<MigrationRequest> findRequest(long requestId) {
        return requests.find(requestId);
    }

    /** The journal of one request: its steps in order, with their state and timing. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public List<StepRecord> steps(long requestId) {
        return requests.steps(requestId);
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

    /**
     * The readiness report of a cluster (the vendor's migration evaluation, as it applies), read now.
     * Not transactional: the backend is read while no database connection is held.
     */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public List<RequestPlan.Check> readiness(String clusterId) {
        var tracked = migrations.find(clusterId)
                .orElseThrow(() -> new ActionRefusedException("refusal.noCluster", clip(clusterId)));
        MigrationBackend backend = backends.get(tracked.backend());
        try {
            return CheckRegistry.readiness(backend.describe(clusterId), backend.readiness(clusterId), Instant.now());
        } catch (RuntimeException e) {
            return List.of(RequestPlan.Check.fail("Backend reachable", OperationRunner.describe(e),
                    "Make the backend reachable, then check again."));
        }
    }

    /** Clusters whose last run ended in a safety stop that no request has repaired since. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public List<String> safetyStops() {
        return requests.safetyStopped();
    }

    /** The policy in force, so views can say what happens after OK. */
    public ApprovalPolicy policy() {
        return policy;
    }

    /**
     * Records a request for an action, with the requester's reason. The checks it must meet are run
     * first (no database connection is held while the backend answers); a warning among them must be
     * acknowledged ({@code acknowledged} holds the names the user saw and accepted). Then the
     * migration row is locked, the state machine is asked against the last observed status, and the
     * one-open-request rule is checked, all in one transaction: a second click or a second node gets
     * a refusal, never a second request. A refusal is audited too.
     */
    @PreAuthorize(AppRoles.CAN_OPERATE)
    public MigrationRequest request(String clusterId, MigrationAction action, ActionOptions options, String reason,
                                    Set<String> acknowledged, RequestConditions conditions) {
        // A freeze exception always waits for two team leads, whatever the policy says of the action.
        boolean needsApproval = policy.needsApproval(action) || conditions.freezeException();
        List<RequestPlan.Check> checks = checksNow(clusterId, action, options, conditions, false);
        return lifecycle.committingRefusals(() -> create(clusterId, action, options, reason,
                needsApproval ? RequestState.PENDING : RequestState.APPROVED, false, checks, acknowledged, conditions));
    }

    /** As above, with no maintenance window and no freeze exception. */
    @PreAuthorize(AppRoles.CAN_OPERATE)
    public MigrationRequest request(String clusterId, MigrationAction action, ActionOptions options, String reason,
                                    Set<String> acknowledged) {
        return request(clusterId, action, options, reason, acknowledged, RequestConditions.NONE);
    }

    /** As {@link #request(String, MigrationAction, ActionOptions, String, Set)}, acknowledging no warning. */
    @PreAuthorize(AppRoles.CAN_OPERATE)
    public MigrationRequest request(String clusterId, MigrationAction action, ActionOptions options, String reason) {
        return request(clusterId, action, options, reason, Set.of());
    }

    @PreAuthorize(AppRoles.CAN_OPERATE)
    public MigrationRequest request(String clusterId, MigrationAction action, boolean swapEndpoints, String reason) {
        return request(clusterId, action, ActionOptions.swap(swapEndpoints), reason, Set.of());
    }

    /**
     * The emergency path, when the policy opens it: a team lead runs an action at once, without a
     * second person. Flagged on the request and on every audit event it causes.
     */
    @PreAuthorize(AppRoles.CAN_APPROVE)
    public MigrationRequest requestEmergency(String clusterId, MigrationAction action, ActionOptions options,
                                             String reason, Set<String> acknowledged) {
        if (!policy.emergencyEnabled()) {
            lifecycle.committingRefusals(() -> {
                throw refused(clusterId, action, Text.of("refusal.emergencyOff"));
            });
        }
        List<RequestPlan.Check> checks = checksNow(clusterId, action, options, RequestConditions.NONE, true);
        return lifecycle.committingRefusals(() -> create(clusterId, action, options, reason, RequestState.APPROVED, true, checks,
                acknowledged, RequestConditions.NONE));
    }

    @PreAuthorize(AppRoles.CAN_APPROVE)
    public MigrationRequest requestEmergency(String clusterId, MigrationAction action, ActionOptions options,
                                             String reason) {
        return requestEmergency(clusterId, action, options, reason, Set.of());
    }

    @PreAuthorize(AppRoles.CAN_APPROVE)
    public MigrationRequest requestEmergency(String clusterId, MigrationAction action, boolean swapEndpoints,
                                             String reason) {
        return requestEmergency(clusterId, action, ActionOptions.swap(swapEndpoints), reason, Set.of());
    }

    /**
     * The checks {@code action} would meet now: what the dialog shows before a request exists, and
     * what a request keeps when it is made. Not transactional: the backend is read meanwhile.
     */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public List<RequestPlan.Check> checks(String clusterId, MigrationAction action, ActionOptions options) {
        return checksNow(clusterId, action, options, RequestConditions.NONE, false);
    }

    /** As {@link #checks(String, MigrationAction, ActionOptions)}, for a request on these terms. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public List<RequestPlan.Check> checks(String clusterId, MigrationAction action, ActionOptions options,
                                          RequestConditions conditions) {
        return checksNow(clusterId, action, options, conditions, false);
    }

    private List<RequestPlan.Check> checksNow(String clusterId, MigrationAction action, ActionOptions options,
                                              RequestConditions conditions, boolean emergency) {
        var tracked = migrations.find(clusterId);
        if (tracked.isEmpty()) {
            return List.of();
        }
        MigrationBackend backend = backends.get(tracked.get().backend());
        if (!backend.supports(action)) {
            return List.of();
        }
        try {
            List<RequestPlan.Check> checks = new java.util.ArrayList<>(CheckRegistry.forAction(backend.describe(clusterId),
                    action, backend.preChecks(clusterId, action, options.swapEndpoints()), Instant.now()));
            var proposal = new ClusterGate.Proposal(clusterId, action, conditions, emergency);
            gates.forEach(g -> checks.addAll(g.checks(proposal)));
            return checks;
        } catch (RuntimeException e) {
            return List.of(RequestPlan.Check.fail("Backend reachable", OperationRunner.describe(e),
                    "Make the backend reachable; the first step runs every check again."));
        }
    }

    /** A requester takes back their own request before it starts running. */
    @PreAuthorize(AppRoles.CAN_OPERATE)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public void withdraw(long requestId) {
        String me = currentUser();
        MigrationRequest r = lifecycle.lock(requestId).orElseThrow(() ->
                lifecycle.refuse("request.withdraw-refused", null, null, Text.of("refusal.noRequest", requestId)));
        Text refusal = null;
        if (!r.requestedBy().equals(me)) {
            refusal = Text.of("refusal.onlyRequester", r.requestedBy(), requestId);
        } else if (!r.state().withdrawable()) {
            refusal = Text.of("refusal.notWithdrawable", requestId, Text.of("enum.RequestState." + r.state().name()));
        } else if (!lifecycle.decide(r, RequestTransition.WITHDRAW, me, "Withdrawn by the requester",
                "Withdrawn by " + me + ".")) {
            refusal = Text.of("refusal.changedMeanwhile", requestId);
        }
        if (refusal != null) {
            throw lifecycle.refuse("request.withdraw-refused", r.clusterId(), requestId, refusal);
        }
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
        MigrationRequest r = lifecycle.lock(requestId).orElseThrow(() ->
                lifecycle.refuse("request.retry-refused", null, null, Text.of("refusal.noRequest", requestId)));
        Text refusal = retryRefusal(r);
        if (refusal == null && why.isEmpty()) {
            refusal = Text.of("refusal.reasonRequired");
        } else if (refusal == null && why.length() > MAX_REASON) {
            refusal = Text.of("refusal.reasonTooLong", MAX_REASON);
        }
        if (refusal == null && !lifecycle.retry(r, policy.validFor(),
                "Retry from the failed step by " + currentUser() + ": " + why)) {
            refusal = Text.of("refusal.changedMeanwhile", requestId);
        }
        if (refusal != null) {
            throw lifecycle.refuse("request.retry-refused", r.clusterId(), requestId, refusal);
        }
    }

    /** Why {@code r} cannot be retried now, or null when it can. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public Text retryRefusal(MigrationRequest r) {
        String status = migrations.find(r.clusterId()).map(t -> t.snapshot().status()).orElse("");
        return Retries.refusal(r, requests.steps(r.id()), status);
    }

    /**
     * The plan of a request: pre-checks run now against the backend, and the steps that will run.
     * Not transactional: the backend is read while no database connection is held.
     */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public RequestPlan plan(long requestId) {
        MigrationRequest r = requests.find(requestId)
                .orElseThrow(() -> new ActionRefusedException("refusal.noRequest", requestId));
        List<String> steps = requests.steps(requestId).stream().map(StepRecord::title).toList();
        MigrationBackend backend = backends.get(migrations.find(r.clusterId()).orElseThrow().backend());
        List<RequestPlan.Check> checks;
        try {
            checks = new java.util.ArrayList<>(CheckRegistry.forAction(backend.describe(r.clusterId()), r.action(),
                    backend.preChecks(r.clusterId(), r.action(), r.swapEndpoints()), Instant.now()));
            var proposal = new ClusterGate.Proposal(r.clusterId(), r.action(), r.conditions(), r.emergency());
            gates.forEach(g -> checks.addAll(g.checks(proposal)));
        } catch (RuntimeException e) {
            return new RequestPlan(List.of(new RequestPlan.Check("Backend reachable", false,
                    OperationRunner.describe(e))), steps);
        }
        return new RequestPlan(checks, steps);
    }

    private MigrationRequest create(String clusterId, MigrationAction action, ActionOptions chosen, String reason,
                                    RequestState initial, boolean emergency, List<RequestPlan.Check> checks,
                                    Set<String> acknowledged, RequestConditions conditions) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw refused(clusterId, action, Text.of("refusal.reasonRequired"));
        }
        if (why.length() > MAX_REASON) {
            throw refused(clusterId, action, Text.of("refusal.reasonTooLong", MAX_REASON));
        }
        Text badWindow = conditions.windowRefusal(Instant.now());
        if (badWindow != null) {
            throw refused(clusterId, action, badWindow);
        }
        var tracked = migrations.lock(clusterId)
                .orElseThrow(() -> refused(null, action, Text.of("refusal.noCluster", clip(clusterId))));
        MigrationSnapshot s = tracked.snapshot();
        MigrationBackend backend = backends.get(tracked.backend());
        if (!backend.supports(action)) {
            throw refused(clusterId, action, Text.of("refusal.notOffered", Text.of("enum.MigrationAction." + action.name()), backend.name()));
        }
        var decision = ActionRules.check(s.status(), s.delayedSeconds(), action);
        boolean repairOfTwoWriters = action == MigrationAction.REPAIR && s.twoWriters();
        if (!decision.allowed() && !repairOfTwoWriters) {
            throw refused(clusterId, action, decision.why());
        }
        List<String> unacknowledged = CheckSummary.warningNames(checks).stream()
                .filter(name -> !acknowledged.contains(name)).toList();
        if (!unacknowledged.isEmpty()) {
            throw refused(clusterId, action, Text.of("refusal.acknowledgeWarnings", String.join("; ", unacknowledged)));
        }
        var proposal = new ClusterGate.Proposal(clusterId, action, conditions, emergency);
        for (ClusterGate gate : gates) {
            Text blocked = gate.refusal(proposal);
            if (blocked != null) {
                throw refused(clusterId, action, blocked);
            }
        }
        Optional<MigrationRequest> open = requests.openFor(clusterId);
        if (open.isPresent()) {
            throw refused(clusterId, action, Text.of("refusal.openRequest", open.get().id(),
                    Text.of("enum.MigrationAction." + open.get().action().name()),
                    Text.of("enum.RequestState." + open.get().state().name())));
        }
        // A choice the action does not offer is not recorded: swapping is for Switch Over and Roll Back only.
        // Repair puts the endpoints where the last completed action left them.
        // Moving endpoints swap them from wherever they route now (computed here, kept with the request).
        boolean swap = action == MigrationAction.REPAIR
                ? EndpointLayout.swappedAfter(requests.succeededHandovers(clusterId))
                : action.hasEndpointOption() && chosen.swapEndpoints();
        Boolean swappedAfter = action == MigrationAction.REPAIR ? Boolean.valueOf(swap)
                : swap ? Boolean.valueOf(!s.endpointsSwapped()) : null;
        var options = new ActionOptions(swap, action.hasEndpointOption() || chosen.continueBinlog(), swappedAfter);
        // Making a plan reads nothing remote: it only names the steps (they read live state when they run).
        List<MigrationStep> plan = backend.plan(clusterId, action, options);
        try {
            return lifecycle.submit(clusterId, action, options, initial == RequestState.APPROVED, emergency,
                    currentUser(), why, MaintenanceWindow.validity(conditions, policy.validFor(), Instant.now()), plan,
                    checks, conditions);
        } catch (DuplicateKeyException e) {
            throw refused(clusterId, action, Text.of("refusal.justMade"));
        }
    }

    private ActionRefusedException refused(String clusterId, MigrationAction action, Text reason) {
        // The audit trail names the action, in English; the person sees the reason alone, in their language.
        lifecycle.refuse("request.refused", clusterId, null, action.title() + " refused: " + reason.english());
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
