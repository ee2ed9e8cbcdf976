package com.switchback.migration;

import java.time.Duration;
import java.util.List;
import org.springframework.context.ApplicationContext;

/** Drives the executor by hand in tests of other packages (the background clock is stopped in tests). */
public final class TestExecutor {

    private final RequestRepository requests;
    private final RequestLifecycle lifecycle;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final MigrationRepository migrations;
    private final OperationRunner runner;

    public TestExecutor(ApplicationContext context) {
        this.requests = context.getBean(RequestRepository.class);
        this.lifecycle = context.getBean(RequestLifecycle.class);
        this.jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        this.migrations = context.getBean(MigrationRepository.class);
        this.runner = context.getBean(OperationRunner.class);
    }

    /** A DBA asks, a team lead approves: the request is ready for an executor. */
    public static long approvedRequest(MigrationService service, com.switchback.approval.ApprovalService approvals,
                                       String clusterId, MigrationAction action, boolean swap) {
        try {
            com.switchback.TestUsers.loginAs("dba", "DBA");
            // The DBA reads the warnings in the dialog and acknowledges them.
            ActionOptions options = ActionOptions.swap(swap);
            java.util.Set<String> warnings = java.util.Set.copyOf(
                    CheckSummary.warningNames(service.checks(clusterId, action, options)));
            long id = service.request(clusterId, action, options, "Test of " + action.title(), warnings).id();
            com.switchback.TestUsers.loginAs("lead", "TEAM_LEAD");
            approvals.approve(id, "ok");
            return id;
        } finally {
            com.switchback.TestUsers.logout();
        }
    }

    /** A fresh executor claims the ready request {@code id} and runs it to the end. */
    public OperationRunner.Result run(String executorId, long id) {
        return runUntil(executorId, id, OperationRunner.Checkpoint.NEVER);
    }

    /** Claims {@code id} (taking it over from an executor that is gone) and runs it, asking {@code checkpoint} between steps. */
    public OperationRunner.Result runUntil(String executorId, long id, OperationRunner.Checkpoint checkpoint) {
        var claimed = lifecycle.claim(executorId, Duration.ZERO);
        if (claimed.isEmpty() || claimed.get().requestId() != id) {
            throw new IllegalStateException("Request #" + id + " was not claimable; claimed " + claimed);
        }
        return runner.run(claimed.get(), checkpoint);
    }

    /** Claims the next ready request (or takes one over, as after its executor went quiet), without running it. */
    public Lease claim(String executorId) {
        return lifecycle.claim(executorId, Duration.ZERO).orElseThrow();
    }

    /** Runs a claimed request to its end (or until its lease is lost). */
    public OperationRunner.Result run(Lease lease) {
        return runner.run(lease, OperationRunner.Checkpoint.NEVER);
    }

    /** As {@link #run(Lease)}, asking {@code checkpoint} before each step. */
    public OperationRunner.Result run(Lease lease, OperationRunner.Checkpoint checkpoint) {
        return runner.run(lease, checkpoint);
    }

    /**
     * As if the time a dead executor's lease covered had passed (its read-only window's included):
     * only for runs that are gone, never for one that could still act.
     */
    public void leaseRanOut(long id) {
        jdbc.sql("update migration_request set heartbeat_at = now() - interval '1 day' where id = :id")
                .param("id", id).update();
    }

    public MigrationRequest request(long id) {
        return requests.find(id).orElseThrow();
    }

    public List<StepRecord> steps(long id) {
        return requests.steps(id);
    }

    /** Makes the journal say step {@code seq} was running, as after a crash inside it. */
    public void markRunning(long id, int seq) {
        MigrationRequest r = request(id);
        requests.stepRunning(new Lease(id, "crashed", r.epoch(), false), seq);
    }

    /** What the console last stored of the migration. */
    public MigrationSnapshot stored(String clusterId) {
        return migrations.find(clusterId).orElseThrow().snapshot();
    }
}
