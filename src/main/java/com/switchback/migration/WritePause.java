package com.switchback.migration;

import java.time.Duration;

/** How long an action kept the application from writing, as its executor measured it. */
public final class WritePause {

    private WritePause() {
    }

    /** "Writes paused 42 ms (demotion → promotion); 48 ms until the endpoints switched." */
    public static String describe(Duration pause, Duration untilEndpoints) {
        return text(pause, untilEndpoints).english();
    }

    /** As {@link #describe}, for a page to say in its own language. */
    public static com.switchback.base.i18n.Text text(Duration pause, Duration untilEndpoints) {
        return untilEndpoints != null && millis(untilEndpoints) != millis(pause)
                ? com.switchback.base.i18n.Text.of("writePause.withEndpoints", millis(pause), millis(untilEndpoints))
                : com.switchback.base.i18n.Text.of("writePause.only", millis(pause));
    }

    static long millis(Duration d) {
        return Math.round(d.toNanos() / 1e6);
    }
}
