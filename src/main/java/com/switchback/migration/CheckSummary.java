package com.switchback.migration;

import java.util.List;
import java.util.stream.Collectors;

/** One line on a set of checks, for the audit trail: counts, and the warnings by name. */
public final class CheckSummary {

    private CheckSummary() {
    }

    public static String of(List<RequestPlan.Check> checks) {
        if (checks.isEmpty()) {
            return "Checks: none.";
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        List<String> warnings = warningNames(checks);
        String evidence = checks.stream().filter(RequestPlan.Check::cited).map(c -> c.name() + ": " + c.detail())
                .collect(Collectors.joining(" "));
        return "Checks: " + (checks.size() - failed - warnings.size()) + " passed, " + failed + " failed"
                + (warnings.isEmpty() ? "" : ", warnings acknowledged: " + String.join("; ", warnings)) + "."
                + (evidence.isEmpty() ? "" : " " + evidence);
    }

    public static List<String> warningNames(List<RequestPlan.Check> checks) {
        return checks.stream().filter(RequestPlan.Check::warning).map(RequestPlan.Check::name)
                .collect(Collectors.toList());
    }
}
