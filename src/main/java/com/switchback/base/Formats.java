package com.switchback.base;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How times and durations read everywhere in the console: UTC, always labelled. */
public final class Formats {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    public static String utc(Instant instant) {
        return instant == null ? "—" : UTC.format(instant);
    }

    public static String duration(Duration d) {
        if (d == null) {
            return "";
        }
        long ms = d.toMillis();
        if (ms < 60_000) {
            return String.format("%.1f s", ms / 1000.0);
        }
        return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
    }
}
