package com.switchback.migration;

import java.util.List;

/** What approving a request would set in motion: checks run now against the backend, and the steps. */
public record RequestPlan(List<Check> checks, List<String> steps) {

    /**
     * One pre-check, passed or failed, with what was seen. A warning passes (it blocks nothing) but
     * is shown to the approver.
     */
    public record Check(String name, boolean passed, String detail, boolean warning, String fix, boolean cited) {

        public Check {
            fix = fix == null ? "" : fix;
        }

        public Check(String name, boolean passed, String detail, boolean warning, String fix) {
            this(name, passed, detail, warning, fix, false);
        }

        public Check(String name, boolean passed, String detail) {
            this(name, passed, detail, false, "");
        }

        /** A warning, with the fix in one sentence. */
        public static Check warn(String name, String detail, String fix) {
            return new Check(name, true, detail, true, fix);
        }

        /** A passed check whose detail is evidence the audit trail keeps with the request (e.g. which verification). */
        public static Check cited(String name, String detail) {
            return new Check(name, true, detail, false, "", true);
        }

        /** A failure, with the fix in one sentence. */
        public static Check fail(String name, String detail, String fix) {
            return new Check(name, false, detail, false, fix);
        }
    }

    public boolean allPassed() {
        return checks.stream().allMatch(Check::passed);
    }
}
