package com.switchback.migration;

import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one claimed request as its journal of steps (docs/architecture.md, "Resumable"). Each step
 * is marked RUNNING before it acts and DONE after; before acting it re-reads live state, so after
 * a crash a step that already took effect is recorded, not repeated. Every write of the run names
 * its lease's epoch and every side effect is preceded by a fence check, so a run that was taken
 * over stops without acting or writing ("Fencing"). After every step the fresh reading is checked
 * for two writers ("Never two writers").
 */
@Component
public class OperationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);

    /** Asked between steps whether to stop (shutdown, or a test that simulates a crash). */
    @FunctionalInterface
    public interface Checkpoint {
        Checkpoint NEVER = seq -> false;

        boolean stopBefore(int seq);
    }

    public enum Result { SUCCEEDED, FAILED, SAFETY_STOPPED, STOPPED, LOST_OWNERSHIP }

    private final RequestRepository requests;
    private final RequestLifecycle lifecycle;
    private final MigrationRepository migrations;
    private final MigrationBackends backends;
    private final MigrationEvents events;
    private final AuditLog audit;

    OperationRunner(RequestRepository requests, RequestLifecycle lifecycle, MigrationRepository migrations,
                    MigrationBackends backends, MigrationEvents events, AuditLog audit, List<ClusterGate> gates) {
        this.gates = gates;
        this.requests = requests;
        this.lifecycle = lifecycle;
        this.migrations = migrations;
        this.backends = backends;
        this.events = events;
        this.audit = audit;
    }

    private final List<ClusterGate> gates;

    public Result run(Lease lease, Checkpoint checkpoint) {
        try {
            return runHeld(lease, checkpoint);
        } catch (FencedException e) {
            log.warn("{} — this run stops without acting further.", e.getMessage());
            return Result.LOST_OWNERSHIP;
        }
    }

    private Result runHeld(Lease lease, Checkpoint checkpoint) {
        MigrationRequest request = requests.find(lease.requestId()).orElseThrow();
        String clusterId = request.clusterId();
        MigrationBackend backend = backends.get(migrations.find(clusterId).orElseThrow().backend());
        List<MigrationStep> plan = backend.plan(clusterId, request.action(), request.options());
        List<StepRecord> journal = requests.steps(request.id());
        if (!sameSteps(plan, journal)) {
            return fail(lease, request, backend, -1,
                    "The backend's plan no longer matches the journal of this request; nothing more was done.");
        }
        boolean fresh = journal.stream().allMatch(s -> s.state() == StepRecord.StepState.PENDING);
        if (fresh) {
            // At execution time the action must still be allowed by the state machine.
            var live = backend.describe(clusterId);
            var decision = ActionRules.check(live.status(), live.delayedSeconds(), request.action());
            if (!decision.allowed()) {
                return fail(lease, request, backend, -1, "No longer allowed: " + decision.reason()
                        + (live.comment().isEmpty() ? "" : " The backend reports: " + live.comment()));
            }
            // The checks are run again as execution starts and kept with the request; the first step enforces them.
            List<RequestPlan.Check> checks = new java.util.ArrayList<>(CheckRegistry.forAction(live, request.action(),
                    backend.preChecks(clusterId, request.action(), request.swapEndpoints()), java.time.Instant.now()));
            var proposal = new ClusterGate.Proposal(clusterId, request.action(), request.conditions(), request.emergency());
            List<RequestPlan.Check> gateChecks = gates.stream().flatMap(g -> g.checks(proposal).stream()).toList();
            checks.addAll(gateChecks);
            lifecycle.inRun(lease, () -> {
                lifecycle.recordChecks(request, "STARTED", checks);
                return null;
            });
            // The gates' checks (a fresh, clean verification) are enforced here, before the first step.
            String gateFailures = CheckRegistry.failures(gateChecks);
            if (gateFailures != null) {
                return fail(lease, request, backend, -1, gateFailures);
            }
        }
        for (int seq = 0; seq < plan.size(); seq++) {
            if (journal.get(seq).state() == StepRecord.StepState.DONE) {
                continue;
            }
            if (checkpoint.stopBefore(seq)) {
                return Result.STOPPED;
            }
            MigrationStep step = plan.get(seq);
            if (step.windowRole() != null) {
                int end = seq;
                while (end < plan.size() && plan.get(end).windowRole() != null) {
                    end++;
                }
                Result ended = runWindow(lease, request, backend, plan, seq, end, checkpoint);
                if (ended != null) {
                    return ended;
                }
                seq = end - 1;
                MigrationSnapshot seen = refreshStatus(backend, clusterId);
                if (seen != null && seen.twoWriters()) {
                    return safetyStop(lease, request, seq, plan.get(seq), seen);
                }
                continue;
            }
            int at = seq;
            lifecycle.inRun(lease, () -> {
                requests.stepRunning(lease, at);
                record(request, "step.started", Outcome.SUCCESS, stepName(at, step.title()));
                return null;
            });
            try {
                String note;
                Fence fence = new StepFence(lease, at);
                if (step.isDone()) {
                    note = "Already in effect; not repeated.";
                } else {
                    fence.check();
                    note = step.perform(fence);
                    if (!step.isDone()) {
                        throw new IllegalStateException("The step ran but a fresh read does not show its effect.");
                    }
                }
                lifecycle.inRun(lease, () -> {
                    requests.stepDone(lease, at, note);
                    record(request, "step.finished", Outcome.SUCCESS,
                            stepName(at, step.title()) + (note.isEmpty() ? "" : ": " + note));
                    return null;
                });
            } catch (FencedException e) {
                throw e;
            } catch (Exception e) {
                return fail(lease, request, backend, seq, describe(e));
            }
            MigrationSnapshot seen = refreshStatus(backend, clusterId);
            // A Repair may start from two writers: only its check runs before it demotes both sides.
            boolean startOfRepair = request.action() == MigrationAction.REPAIR && step.key().equals("precheck");
            if (seen != null && seen.twoWriters() && !startOfRepair) {
                return safetyStop(lease, request, seq, step, seen);
            }
        }
        lifecycle.finish(lease, RequestTransition.SUCCEED, request, null, null,
                request.action().title() + " completed (run epoch " + lease.epoch() + ").");
        refreshStatus(backend, clusterId);
        return Result.SUCCEEDED;
    }

    /**
     * Runs the steps of a read-only window: connections opened and checked and the lease extended
     * (by the window's timeout) before the demotion; the journal, the audit events and the push
     * written before it opens and after it closes, never inside. Returns null to go on.
     */
    private Result runWindow(Lease lease, MigrationRequest request, MigrationBackend backend, List<MigrationStep> plan,
                             int from, int to, Checkpoint checkpoint) {
        ReadOnlyWindow.Outcome outcome;
        boolean endpointsMove = plan.subList(from, to).stream().anyMatch(s -> s.windowRole() == WindowRole.ENDPOINTS);
        try (WriteWindow window = backend.openWriteWindow(request.clusterId(), endpointsMove)) {
            long deadline = lifecycle.extendLease(lease, window.timeout());
            lifecycle.inRun(lease, () -> {
                for (int s = from; s < to; s++) {
                    requests.stepRunning(lease, s);
                }
                record(request, "window.opened", Outcome.SUCCESS, "Read-only window opened for steps " + (from + 1)
                        + "–" + to + "; the run holds its lease for " + window.timeout().toSeconds() + " s.");
                return null;
            });
            outcome = ReadOnlyWindow.run(plan, from, to, ReadOnlyWindow.localLease(lease, deadline), checkpoint);
        } catch (FencedException e) {
            throw e;
        } catch (Exception e) {
            return fail(lease, request, backend, from, "The read-only window could not open or close: " + describe(e));
        }
        int ended = from + outcome.notes().size();
        lifecycle.inRun(lease, () -> {
            for (int s = from; s < ended; s++) {
                String note = outcome.notes().get(s - from);
                requests.stepDone(lease, s, note);
                record(request, "step.finished", Outcome.SUCCESS,
                        stepName(s, plan.get(s).title()) + (note.isEmpty() ? "" : ": " + note));
            }
            int resumeFrom = outcome.failed() ? ended + 1 : ended;
            for (int s = resumeFrom; s < to; s++) {
                requests.stepPending(lease, s);
            }
            if (outcome.pause() != null) {
                requests.recordPause(lease, outcome.pause(), outcome.untilEndpoints());
                record(request, "window.closed", Outcome.SUCCESS, WritePause.describe(outcome.pause(),
                        outcome.untilEndpoints()));
            }
            // The window is over: the lease goes back to ordinary heartbeats, so a stop is taken over as usual.
            requests.endExtension(lease);
            return null;
        });
        if (outcome.failed()) {
            MigrationSnapshot seen = refreshStatus(backend, request.clusterId());
            if (seen != null && seen.twoWriters()) {
                int failedAt = outcome.failedAt();
                lifecycle.inRun(lease, () -> requests.stepFailed(lease, failedAt, describe(outcome.error())));
                return safetyStop(lease, request, failedAt, plan.get(failedAt), seen);
            }
            return fail(lease, request, backend, outcome.failedAt(), describe(outcome.error()));
        }
        return outcome.stopped() ? Result.STOPPED : null;
    }

    /**
     * Both sides of a linked pair read writable after a step: stop at once, run nothing further,
     * and offer no retry (only Repair). The reading that showed it is recorded with the stop.
     */
    private Result safetyStop(Lease lease, MigrationRequest request, int seq, MigrationStep step, MigrationSnapshot seen) {
        String message = "Safety stop after step " + (seq + 1) + " \"" + step.title()
                + "\": both sides read Read/Write while the replication link joins them. Nothing further runs; "
                + "make one side read-only now, then use Repair.";
        lifecycle.finish(lease, RequestTransition.SAFETY_STOP, request, message, seen.describe(),
                message + " State seen: " + seen.describe());
        log.error("Request #{}: {}", request.id(), message);
        return Result.SAFETY_STOPPED;
    }

    private Result fail(Lease lease, MigrationRequest request, MigrationBackend backend, int seq, String error) {
        String clusterId = request.clusterId();
        String message = error;
        if (seq >= 0) {
            StepRecord step = requests.steps(request.id()).get(seq);
            message = "Step " + (seq + 1) + " \"" + step.title() + "\" failed: " + error;
            String stepMessage = message;
            lifecycle.inRun(lease, () -> {
                requests.stepFailed(lease, seq, error);
                record(request, "step.failed", Outcome.FAILURE, stepMessage);
                lifecycle.stepFailed(request, seq, stepMessage);
                return null;
            });
        }
        String stateLeft;
        try {
            MigrationSnapshot left = backend.describe(clusterId);
            migrations.save(left);
            stateLeft = left.describe();
        } catch (RuntimeException e) {
            stateLeft = "Unknown: the backend could not be read (" + describe(e) + ").";
        }
        lifecycle.finish(lease, RequestTransition.FAIL, request, message, stateLeft,
                message + " State left behind: " + stateLeft);
        log.warn("Request #{} failed: {} — state left: {}", request.id(), message, stateLeft);
        return Result.FAILED;
    }

    /** The fence of one step: the lease's heartbeat, and the record of the step's outward call. */
    private final class StepFence implements Fence {
        private final Lease lease;
        private final int seq;

        StepFence(Lease lease, int seq) {
            this.lease = lease;
            this.seq = seq;
        }

        @Override
        public void check() {
            lifecycle.touch(lease);
        }

        @Override
        public java.time.Instant callSentAt() {
            return requests.callSentAt(lease.requestId(), seq);
        }

        @Override
        public void recordCall(java.time.Instant at) {
            lifecycle.inRun(lease, () -> {
                if (!requests.recordCall(lease, seq, at)) {
                    throw new FencedException(lease);
                }
                return null;
            });
        }
    }

    private void record(MigrationRequest r, String action, Outcome outcome, String details) {
        audit.record(Actor.SYSTEM, action, r.clusterId(), r.id(), outcome, r.emergency(), details);
        events.publish(r.clusterId());
    }

    private static String stepName(int seq, String title) {
        return "Step " + (seq + 1) + " \"" + title + "\"";
    }

    /** Reads the backend after a step and stores it; null when it cannot be read now. */
    private MigrationSnapshot refreshStatus(MigrationBackend backend, String clusterId) {
        MigrationSnapshot seen = null;
        try {
            seen = backend.describe(clusterId);
            migrations.save(seen);
        } catch (RuntimeException e) {
            log.warn("Could not read {} after a step: {}", clusterId, e.getMessage());
        }
        events.publish(clusterId);
        return seen;
    }

    private static boolean sameSteps(List<MigrationStep> plan, List<StepRecord> journal) {
        if (plan.size() != journal.size()) {
            return false;
        }
        for (int i = 0; i < plan.size(); i++) {
            if (!plan.get(i).key().equals(journal.get(i).key())) {
                return false;
            }
        }
        return true;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
