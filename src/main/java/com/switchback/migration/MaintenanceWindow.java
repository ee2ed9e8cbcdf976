package com.switchback.migration;

import com.switchback.base.Formats;
import java.time.Duration;
import java.time.Instant;

/**
 * A request's maintenance window as people read it: when it may run, and how long until it opens
 * or closes, in English and UTC for the audit trail and channel messages (a page says it with
 * {@code migration.ui.Said}). (The migration window is the vendor's: see {@link MigrationWindow}.)
 */
public final class MaintenanceWindow {

    private MaintenanceWindow() {
    }

    /** "between 2026-11-28 22:00:00 UTC and 2026-11-28 23:30:00 UTC", or empty when the request has no window. */
    public static String describe(MigrationRequest r) {
        return r.windowStart() == null ? ""
                : "between " + Formats.utc(r.windowStart()) + " and " + Formats.utc(r.windowEnd());
    }

    /** Whether the request may start now as far as its window says (a request without one may). */
    public static boolean open(MigrationRequest r, Instant now) {
        return r.windowStart() == null || (!now.isBefore(r.windowStart()) && now.isBefore(r.windowEnd()));
    }

    static Duration validity(RequestConditions c, Duration validFor, Instant now) {
        return c.windowEnd() == null ? validFor : Duration.between(now, c.windowEnd());
    }
}
