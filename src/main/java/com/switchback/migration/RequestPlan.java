package com.switchback.migration;

import java.util.List;

/** What approving a request would set in motion: checks run now against the backend, and the steps. */
public record RequestPlan(List<Check> checks, List<String> steps) {

    /** One pre-check, passed or failed, with what was seen. */
    public record Check(String name, boolean passed, String detail) {
    }

    public boolean allPassed() {
        return checks.stream().allMatch(Check::passed);
    }
}
