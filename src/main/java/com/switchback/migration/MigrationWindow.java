package com.switchback.migration;

import com.switchback.base.i18n.Text;
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

    /** "in 3 d 4 h", "in 5 h 20 min", "in 12 min", "expired"; "no window" when there is none (English). */
    public static String remaining(Instant expires, Instant now) {
        return remainingText(expires, now).english();
    }

    /** As {@link #remaining}, for a page to say in its language. */
    public static Text remainingText(Instant expires, Instant now) {
        if (expires == null) {
            return Text.of("time.noWindow");
        }
        Duration left = Duration.between(now, expires);
        if (left.isNegative() || left.isZero()) {
            return Text.of("time.expired");
        }
        return Text.of("time.in", span(left));
    }

    /** "3 d 4 h", "5 h 20 min", "12 min" (at least a minute). */
    public static Text span(Duration left) {
        long days = left.toDays();
        long hours = left.toHoursPart();
        if (days > 0) {
            return Text.of("time.daysHours", days, hours);
        }
        return hours > 0 ? Text.of("time.hoursMinutes", hours, left.toMinutesPart())
                : Text.of("time.minutes", Math.max(1, left.toMinutesPart()));
    }
}
