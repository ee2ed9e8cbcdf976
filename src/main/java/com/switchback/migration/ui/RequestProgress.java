package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;

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
        String line = t("progress.step", current.seq() + 1, steps.size(), current.title());
        if (r.startedAt() != null) {
            line += t("progress.runningFor", Formats.duration(Duration.between(r.startedAt(), now)));
        }
        if (current.key().endsWith("-caught-up") && current.state() == StepRecord.StepState.RUNNING) {
            line += s.delayedSeconds() >= 0 ? t("progress.behind", s.delayedSeconds())
                    : t("progress.howFarBehindIs");
        } else if (current.key().equals("wait") && current.startedAt() != null) {
            line += t("progress.aliyunReports", s.status(), com.switchback.base.ui.UserTime.format(current.startedAt()));
        }
        return line + t("progress.end");
    }
}
