package com.switchback.migration;

import java.time.Duration;
import java.time.Instant;

/**
 * The terms a request is made on besides its action: a maintenance window (it runs only between
 * {@code windowStart} and {@code windowEnd}, and expires at the window's end), and whether it is a
 * freeze exception (made during a change freeze; two team leads must approve it).
 */
public record RequestConditions(Instant windowStart, Instant windowEnd, boolean freezeException) {

    public static final RequestConditions NONE = new RequestConditions(null, null, false);

    /** The longest a maintenance window may lie ahead. */
    public static final Duration MAX_AHEAD = Duration.ofDays(30);

    public static RequestConditions window(Instant start, Instant end) {
        return new RequestConditions(start, end, false);
    }

    public RequestConditions asFreezeException() {
        return new RequestConditions(windowStart, windowEnd, true);
    }

    public boolean hasWindow() {
        return windowStart != null || windowEnd != null;
    }

    /** Why the window cannot be used, or null when it can (or there is none). */
    public com.switchback.base.i18n.Text windowRefusal(Instant now) {
        if (!hasWindow()) {
            return null;
        }
        if (windowStart == null || windowEnd == null) {
            return com.switchback.base.i18n.Text.of("window.needsBoth");
        }
        if (!windowEnd.isAfter(windowStart)) {
            return com.switchback.base.i18n.Text.of("window.endAfterStart");
        }
        if (!windowEnd.isAfter(now)) {
            return com.switchback.base.i18n.Text.of("window.ended");
        }
        if (windowStart.isAfter(now.plus(MAX_AHEAD))) {
            return com.switchback.base.i18n.Text.of("window.tooFarAhead", MAX_AHEAD.toDays());
        }
        return null;
    }
}
