package com.switchback.migration;

import com.switchback.base.i18n.Text;

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
    static Text refusal(MigrationRequest r, List<StepRecord> steps, String status) {
        if (r.state() != RequestState.FAILED) {
            return Text.of("retry.notFailed", r.id(), Text.of("enum.RequestState." + r.state().name()));
        }
        if (r.safetyStop()) {
            return Text.of("retry.safetyStop", r.id());
        }
        if (steps.stream().noneMatch(s -> s.state() == StepRecord.StepState.FAILED)) {
            return Text.of("retry.noStepRan", r.id());
        }
        if (r.action() == MigrationAction.REPAIR) {
            return ActionRules.check(status, null, MigrationAction.REPAIR).allowed() ? null
                    : Text.of("retry.repairNotHalfDone", status);
        }
        String inFlight = ActionRules.passesThrough(r.action()).name();
        if (!inFlight.equals(status)) {
            return Text.of("retry.notHalfDone", status, inFlight);
        }
        return null;
    }
}
