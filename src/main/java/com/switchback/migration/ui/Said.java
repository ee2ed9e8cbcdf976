package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.ui.UserTime;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationWindow;
import com.switchback.migration.freeze.ChangeFreeze;
import java.time.Duration;
import java.time.Instant;

/**
 * The migration's times and freezes as a page says them, in its language and time zone. The domain's
 * own {@code describe} methods stay English and UTC: they write audit events, logs and channel messages.
 */
public final class Said {

    private Said() {
    }

    /** Replication latency as a fact: "12 s", or "Not measured" where the backend reports -1. */
    public static String latency(int seconds) {
        return seconds < 0 ? t("facts.notMeasured") : t("latency.seconds", seconds);
    }

    /** "in 3 d 4 h", "in 5 h 20 min", "in 12 min", "expired"; "no window" when there is none. */
    public static String remaining(Instant expires, Instant now) {
        return t(MigrationWindow.remainingText(expires, now));
    }

    /** "between … and …" in the person's zone; empty without a window. */
    public static String window(MigrationRequest r) {
        return r.windowStart() == null ? ""
                : t("window.between", UserTime.format(r.windowStart()), UserTime.format(r.windowEnd()));
    }

    /** "opens in 2 h 10 min", "open, 35 min left", "closed"; empty without a window. */
    public static String countdown(MigrationRequest r, Instant now) {
        if (r.windowStart() == null) {
            return "";
        }
        if (now.isBefore(r.windowStart())) {
            return t("window.opens", remaining(r.windowStart(), now));
        }
        if (now.isBefore(r.windowEnd())) {
            return t("window.openLeft", MigrationWindow.span(Duration.between(now, r.windowEnd())));
        }
        return t("window.closed");
    }

    /** Where a freeze applies: its clusters, or all of them. */
    public static String scope(ChangeFreeze f) {
        return f.clusterSet().isEmpty() ? t("freeze.allClusters") : String.join(", ", f.clusterSet());
    }

    /** One line: which freeze, until when (in the person's zone), where and why. */
    public static String freeze(ChangeFreeze f) {
        return t("freeze.line", f.id(), UserTime.format(f.endsAt()), scope(f), f.reason());
    }
}
