package com.switchback.migration;

import java.util.List;
import java.util.Optional;

/** Everything the RDS Migration section shows: the live status and the latest request with its steps. */
public record MigrationOverview(MigrationSnapshot snapshot, String backend, boolean simulated,
                                Optional<MigrationRequest> latestRequest, List<StepRecord> steps,
                                boolean asksContinueBinlog) {

    /** The open request, if one is waiting or running. */
    public Optional<MigrationRequest> openRequest() {
        return latestRequest.filter(r -> r.state().open());
    }

    /** Whether the latest request failed half way and may run again from its failed step. */
    public boolean retryable() {
        return latestRequest.map(r -> Retries.refusal(r, steps, snapshot.status()) == null).orElse(false);
    }
}
