package com.switchback.migration;

import com.switchback.base.Formats;
import java.time.Duration;
import java.time.Instant;

/**
 * A request's maintenance window as people read it: when it may run, and how long until it opens
 * or closes. (The migration window is the vendor's: see {@link MigrationWindow}.)
 */
public final class MaintenanceWindow {

    private MaintenanceWindow() {
    }

    /** "between 2026-11-28 22:00:00 UTC and 2026-11-28 23:30:00 UTC", or empty when the request has no window. */
    public static String describe(MigrationRequest r) {
        return describe(r, Formats::utc);
    }

    /** As {@link #describe(MigrationRequest)}, with times as {@code time} writes them (a page: the person's zone). */
    public static String describe(MigrationRequest r, java.util.function.Function<Instant, String> time) {
        if (r.windowStart() == null) {
            return "";
        }
        return "between " + time.apply(r.windowStart()) + " and " + time.apply(r.windowEnd());
    }

    /** "opens in 2 h 10 min", "open, 35 min left", "closed"; empty without a window. */
    public static String countdown(MigrationRequest r, Instant now) {
        if (r.windowStart() == null) {
            return "";
        }
        if (now.isBefore(r.windowStart())) {
            return "opens " + MigrationWindow.remaining(r.windowStart(), now);
        }
        if (now.isBefore(r.windowEnd())) {
            return "open, " + MigrationWindow.remaining(r.windowEnd(), now).replaceFirst("^in ", "") + " left";
        }
        return "closed";
    }

    /** Whether the request may start now as far as its window says (a request without one may). */
    public static boolean open(MigrationRequest r, Instant now) {
        return r.windowStart() == null || (!now.isBefore(r.windowStart()) && now.isBefore(r.windowEnd()));
    }

    static Duration validity(RequestConditions c, Duration validFor, Instant now) {
        return c.windowEnd() == null ? validFor : Duration.between(now, c.windowEnd());
    }
}
