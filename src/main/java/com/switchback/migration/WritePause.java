package com.switchback.migration;

import java.time.Duration;

/** How long an action kept the application from writing, as its executor measured it. */
public final class WritePause {

    private WritePause() {
    }

    /** "Writes paused 42 ms (demotion → promotion); 48 ms until the endpoints switched." */
    public static String describe(Duration pause, Duration untilEndpoints) {
        String text = "Writes paused " + millis(pause) + " ms (demotion → promotion)";
        if (untilEndpoints != null && millis(untilEndpoints) != millis(pause)) {
            text += "; " + millis(untilEndpoints) + " ms until the endpoints switched";
        }
        return text + ".";
    }

    static long millis(Duration d) {
        return Math.round(d.toNanos() / 1e6);
    }
}
