package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.migration.ActionRules;

/** The Switch Over precondition, as the dialog states it. */
final class LatencyCheck {

    private LatencyCheck() {
    }

    static boolean passes(int latencySeconds) {
        return latencySeconds >= 0 && latencySeconds < ActionRules.MAX_SWITCH_OVER_LATENCY_SECONDS;
    }

    static String describe(int latencySeconds) {
        String now = latencySeconds < 0 ? t("latency.notMeasured") : t("latency.seconds", latencySeconds);
        return t("latency.precondition", ActionRules.MAX_SWITCH_OVER_LATENCY_SECONDS, now)
                + (passes(latencySeconds) ? " ✓" : t("latency.switchOverWillBe"));
    }
}
