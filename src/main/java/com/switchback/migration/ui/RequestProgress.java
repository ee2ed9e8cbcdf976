package com.switchback.migration.ui;

import com.switchback.base.Formats;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.RequestState;
import com.switchback.migration.StepRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One line on a running request: step n of m, how long it has run, and what a wait is waiting for. */
final class RequestProgress {

    private RequestProgress() {
    }

    static String describe(MigrationRequest r, List<StepRecord> steps, MigrationSnapshot s, Instant now) {
        if (r.state() != RequestState.EXECUTING || steps.isEmpty()) {
            return "";
        }
        StepRecord current = steps.stream().filter(st -> st.state() == StepRecord.StepState.RUNNING).findFirst()
                .orElse(steps.stream().filter(st -> st.state() != StepRecord.StepState.DONE).findFirst()
                        .orElse(steps.getLast()));
        String line = "Step " + (current.seq() + 1) + " of " + steps.size() + ": " + current.title();
        if (r.startedAt() != null) {
            line += " — running for " + Formats.duration(Duration.between(r.startedAt(), now));
        }
        if (current.key().endsWith("-caught-up") && current.state() == StepRecord.StepState.RUNNING) {
            line += s.delayedSeconds() >= 0 ? " — " + s.delayedSeconds() + " s behind at the last reading"
                    : " — how far behind is not measured now";
        } else if (current.key().equals("wait") && current.startedAt() != null) {
            line += " — Alibaba Cloud reports " + s.status() + " (following since " + com.switchback.base.ui.UserTime.format(current.startedAt()) + ")";
        }
        return line + ".";
    }
}
