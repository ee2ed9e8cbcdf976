package com.switchback.migration.ui;

import com.switchback.migration.ActionRules;

/** The Switch Over precondition, as the dialog states it. */
final class LatencyCheck {

    private LatencyCheck() {
    }

    static boolean passes(int latencySeconds) {
        return latencySeconds >= 0 && latencySeconds < ActionRules.MAX_SWITCH_OVER_LATENCY_SECONDS;
    }

    static String describe(int latencySeconds) {
        String now = latencySeconds < 0 ? "not measured" : latencySeconds + " s";
        return "Precondition: replication latency under " + ActionRules.MAX_SWITCH_OVER_LATENCY_SECONDS
                + " s. Now: " + now + (passes(latencySeconds) ? " ✓" : " ✗ — Switch Over will be refused.");
    }
}
