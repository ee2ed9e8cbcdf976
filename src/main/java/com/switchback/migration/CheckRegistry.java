package com.switchback.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * The first step of every action: runs the checks for {@code action} on a fresh reading and
     * throws, naming each failure and its fix, when one fails; returns the step's note otherwise.
     */
    public static String enforce(MigrationSnapshot s, MigrationAction action, List<RequestPlan.Check> backend) {
        List<RequestPlan.Check> checks = forAction(s, action, backend, Instant.now());
        String failed = failures(checks);
        if (failed != null) {
            throw new IllegalStateException(failed);
        }
        List<String> warnings = checks.stream().filter(RequestPlan.Check::warning)
                .map(c -> c.name() + " (" + c.detail() + ")").toList();
        return "Status " + s.status() + ", latency " + s.delayedSeconds() + " s; every check passed"
                + (warnings.isEmpty() ? "." : ", with warnings: " + String.join("; ", warnings) + ".");
    }

    /** "Pre-checks failed: …", naming each failure and its fix; null when every check passed. */
    static String failures(List<RequestPlan.Check> checks) {
        List<RequestPlan.Check> failed = checks.stream().filter(c -> !c.passed()).toList();
        return failed.isEmpty() ? null : "Pre-checks failed: " + failed.stream()
                .map(c -> c.name() + " — " + c.detail() + (c.fix().isEmpty() ? "" : " Fix: " + c.fix()))
                .collect(Collectors.joining("; "));
    }
}
