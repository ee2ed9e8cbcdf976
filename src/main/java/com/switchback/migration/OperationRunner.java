package com.switchback.migration;

import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one claimed request as its journal of steps (ARCHITECTURE §2.3). Each step is marked
 * RUNNING before it acts and DONE after; before acting it re-reads live state, so after a crash
 * a step that already took effect is recorded, not repeated. Between steps the runner checks
 * that it still owns the request, so a second executor that took over is never doubled.
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

    public enum Result { SUCCEEDED, FAILED, STOPPED, LOST_OWNERSHIP }

    private final RequestRepository requests;
    private final MigrationRepository migrations;
    private final MigrationBackends backends;
    private final MigrationEvents events;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    OperationRunner(RequestRepository requests, MigrationRepository migrations, MigrationBackends backends,
                    MigrationEvents events, AuditLog audit, TransactionTemplate tx) {
        this.requests = requests;
        this.migrations = migrations;
        this.backends = backends;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
    }

    public Result run(String executorId, long requestId, Checkpoint checkpoint) {
        MigrationRequest request = requests.find(requestId).orElseThrow();
        String clusterId = request.clusterId();
        MigrationBackend backend = backends.get(migrations.find(clusterId).orElseThrow().backend());
        List<MigrationStep> plan = backend.plan(clusterId, request.action(), request.options());
        List<StepRecord> journal = requests.steps(requestId);
        if (!sameSteps(plan, journal)) {
            return fail(executorId, request, backend, -1,
                    "The backend's plan no longer matches the journal of this request; nothing more was done.");
        }
        boolean fresh = journal.stream().allMatch(s -> s.state() == StepRecord.StepState.PENDING);
        record(request, fresh ? "execution.started" : "execution.resumed", Outcome.SUCCESS,
                (fresh ? "Started by " : "Resumed by ") + executorId + ".");
        if (fresh) {
            // At execution time the action must still be allowed by the state machine.
            var live = backend.describe(clusterId);
            var decision = ActionRules.check(live.status(), live.delayedSeconds(), request.action());
            if (!decision.allowed()) {
                return fail(executorId, request, backend, -1, "No longer allowed: " + decision.reason()
                        + (live.comment().isEmpty() ? "" : " The backend reports: " + live.comment()));
            }
        }
        for (int seq = 0; seq < plan.size(); seq++) {
            if (journal.get(seq).state() == StepRecord.StepState.DONE) {
                continue;
            }
            if (checkpoint.stopBefore(seq)) {
                return Result.STOPPED;
            }
            if (!requests.touch(requestId, executorId)) {
                log.warn("Request #{} was taken over by another executor; {} stops.", requestId, executorId);
                return Result.LOST_OWNERSHIP;
            }
            MigrationStep step = plan.get(seq);
            int at = seq;
            tx.executeWithoutResult(t -> {
                requests.stepRunning(requestId, at);
                record(request, "step.started", Outcome.SUCCESS, stepName(at, step.title()));
            });
            events.publish(clusterId);
            try {
                String note;
                if (step.isDone()) {
                    note = "Already in effect; not repeated.";
                } else {
                    note = step.perform();
                    if (!step.isDone()) {
                        throw new IllegalStateException("The step ran but a fresh read does not show its effect.");
                    }
                }
                String done = note;
                tx.executeWithoutResult(t -> {
                    requests.stepDone(requestId, at, done);
                    record(request, "step.finished", Outcome.SUCCESS,
                            stepName(at, step.title()) + (done.isEmpty() ? "" : ": " + done));
                });
            } catch (Exception e) {
                return fail(executorId, request, backend, seq, describe(e));
            }
            refreshStatus(backend, clusterId);
        }
        tx.executeWithoutResult(t -> {
            requests.finish(requestId, executorId, RequestState.SUCCEEDED, null, null);
            record(request, "execution.succeeded", Outcome.SUCCESS, request.action().title() + " completed.");
        });
        refreshStatus(backend, clusterId);
        return Result.SUCCEEDED;
    }

    private Result fail(String executorId, MigrationRequest request, MigrationBackend backend, int seq, String error) {
        String clusterId = request.clusterId();
        String message = error;
        if (seq >= 0) {
            StepRecord step = requests.steps(request.id()).get(seq);
            message = "Step " + (seq + 1) + " \"" + step.title() + "\" failed: " + error;
            String stepMessage = message;
            tx.executeWithoutResult(t -> {
                requests.stepFailed(request.id(), seq, error);
                record(request, "step.failed", Outcome.FAILURE, stepMessage);
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
        String failure = message;
        String left = stateLeft;
        tx.executeWithoutResult(t -> {
            requests.finish(request.id(), executorId, RequestState.FAILED, failure, left);
            record(request, "execution.failed", Outcome.FAILURE, failure + " State left behind: " + left);
        });
        log.warn("Request #{} failed: {} — state left: {}", request.id(), message, stateLeft);
        events.publish(clusterId);
        return Result.FAILED;
    }

    private void record(MigrationRequest r, String action, Outcome outcome, String details) {
        audit.record(Actor.SYSTEM, action, r.clusterId(), r.id(), outcome, r.emergency(), details);
    }

    private static String stepName(int seq, String title) {
        return "Step " + (seq + 1) + " \"" + title + "\"";
    }

    private void refreshStatus(MigrationBackend backend, String clusterId) {
        try {
            migrations.save(backend.describe(clusterId));
        } catch (RuntimeException e) {
            log.warn("Could not read {} after a step: {}", clusterId, e.getMessage());
        }
        events.publish(clusterId);
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
