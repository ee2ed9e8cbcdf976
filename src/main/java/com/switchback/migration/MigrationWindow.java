package com.switchback.migration;

import java.time.Duration;
import java.time.Instant;

/**
 * The vendor's migration window ({@code ExpiredTime}): the link closes automatically when it ends.
 * Time remaining, and how urgent it is: a warning under 24 hours, danger under 2 hours.
 */
public final class MigrationWindow {

    public enum Urgency { NONE, WARNING, DANGER, EXPIRED }

    private MigrationWindow() {
    }

    public static Urgency urgency(Instant expires, Instant now) {
        if (expires == null) {
            return Urgency.NONE;
        }
        Duration left = Duration.between(now, expires);
        if (left.isNegative() || left.isZero()) {
            return Urgency.EXPIRED;
        }
        return left.compareTo(PreChecks.WINDOW_MARGIN) < 0 ? Urgency.DANGER
                : left.compareTo(Duration.ofHours(24)) < 0 ? Urgency.WARNING : Urgency.NONE;
    }

    /** "in 3 d 4 h", "in 5 h 20 min", "in 12 min", "expired"; "no window" when there is none. */
    public static String remaining(Instant expires, Instant now) {
        if (expires == null) {
            return "no window";
        }
        Duration left = Duration.between(now, expires);
        if (left.isNegative() || left.isZero()) {
            return "expired";
        }
        long days = left.toDays();
        long hours = left.toHoursPart();
        long minutes = left.toMinutesPart();
        if (days > 0) {
            return "in " + days + " d " + hours + " h";
        }
        if (hours > 0) {
            return "in " + hours + " h " + minutes + " min";
        }
        return "in " + Math.max(1, minutes) + " min";
    }
}
