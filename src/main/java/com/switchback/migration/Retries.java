package com.switchback.migration;

import java.util.List;

/**
 * When a failed request may run again from its failed step: only when the failure left the action
 * half done — a step failed and the migration still shows the action's in-flight status. A
 * request that failed before acting, or whose action undid itself, needs a new request.
 */
final class Retries {

    private Retries() {
    }

    /** Why {@code r} cannot be retried, or null when it can. */
    static String refusal(MigrationRequest r, List<StepRecord> steps, String status) {
        if (r.state() != RequestState.FAILED) {
            return "Request #" + r.id() + " is " + r.state().name().toLowerCase() + ": only a failed request can be retried.";
        }
        if (r.safetyStop()) {
            return "Request #" + r.id() + " ended in a safety stop (both sides were writable): it is never run again. "
                    + "Make one side read-only, then ask for Repair.";
        }
        if (steps.stream().noneMatch(s -> s.state() == StepRecord.StepState.FAILED)) {
            return "Request #" + r.id() + " failed before any step ran: make a new request.";
        }
        if (r.action() == MigrationAction.REPAIR) {
            return ActionRules.check(status, null, MigrationAction.REPAIR).allowed() ? null
                    : "The migration is " + status + ": the repair is not half done, so make a new request if needed.";
        }
        String inFlight = ActionRules.passesThrough(r.action()).name();
        if (!inFlight.equals(status)) {
            return "The migration is " + status + ", not " + inFlight + ": the action is not half done, so make a new request.";
        }
        return null;
    }
}
