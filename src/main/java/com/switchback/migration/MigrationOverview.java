package com.switchback.migration;

import java.util.List;
import java.util.Optional;

/** Everything the RDS Migration section shows: the live status and the latest request with its steps. */
public record MigrationOverview(MigrationSnapshot snapshot, String backend, boolean simulated,
                                Optional<MigrationRequest> latestRequest, List<StepRecord> steps,
                                boolean asksContinueBinlog, boolean repairOffered) {

    /** The open request, if one is waiting or running. */
    public Optional<MigrationRequest> openRequest() {
        return latestRequest.filter(r -> r.state().open());
    }

    /**
     * Whether Repair applies now: the backend offers it and the pair is left half way (a handover's
     * mark with no request open, or two writers), or the last run ended in a safety stop.
     */
    public boolean repairNeeded() {
        boolean halfWay = ActionRules.check(snapshot.status(), snapshot.delayedSeconds(), MigrationAction.REPAIR).allowed()
                || snapshot.twoWriters() || latestRequest.map(MigrationRequest::safetyStop).orElse(false);
        return repairOffered && halfWay && openRequest().isEmpty();
    }

    /** Whether the latest request failed half way and may run again from its failed step. */
    public boolean retryable() {
        return latestRequest.map(r -> Retries.refusal(r, steps, snapshot.status()) == null).orElse(false);
    }

    /**
     * After a rollback without endpoints, once the source RDS instance is writable again, the
     * application must be pointed back at it (the endpoints were not swapped).
     */
    public boolean applicationMustMoveToRds() {
        return latestRequest
                .filter(r -> r.action() == MigrationAction.ROLL_BACK && !r.swapEndpoints())
                .filter(r -> r.state() == RequestState.EXECUTING || r.state() == RequestState.SUCCEEDED)
                .isPresent() && snapshot.rdsMode() == ReadWriteMode.rw;
    }
}
