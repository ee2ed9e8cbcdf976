package com.switchback.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one registry of checks (docs/architecture.md §3): the common checks on the migration's
 * status and the backend's own (on `mysql`, the vendor's migration evaluation read from the
 * servers), for the readiness report, for a request's plan and for the first step of every action,
 * which enforces them: a failure blocks, a warning is shown to whoever decides.
 */
public final class CheckRegistry {

    private CheckRegistry() {
    }

    /** Readiness, whatever the action: the cluster page's report. */
    static List<RequestPlan.Check> readiness(MigrationSnapshot s, List<RequestPlan.Check> backend, Instant now) {
        List<RequestPlan.Check> checks = new ArrayList<>(PreChecks.readiness(s, now));
        checks.addAll(backend);
        return checks;
    }

    /** What must hold for {@code action} now: shown in its plan and enforced by its first step. */
    static List<RequestPlan.Check> forAction(MigrationSnapshot s, MigrationAction action, List<RequestPlan.Check> backend,
                                             Instant now) {
        List<RequestPlan.Check> checks = new ArrayList<>(action == MigrationAction.REPAIR
                ? PreChecks.repair(s) : PreChecks.of(s, action, now));
        checks.addAll(backend);
        return checks;
    }
}
