package com.switchback.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The window's time remaining and its urgency: a warning under 24 hours, danger under 2 hours. */
class MigrationWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    @Test
    void remainingReadsInTheLargestUnitsThatMatter() {
        assertThat(MigrationWindow.remaining(NOW.plus(Duration.ofDays(3).plusHours(4).plusMinutes(5)), NOW))
                .isEqualTo("in 3 d 4 h");
        assertThat(MigrationWindow.remaining(NOW.plus(Duration.ofHours(5).plusMinutes(20)), NOW)).isEqualTo("in 5 h 20 min");
        assertThat(MigrationWindow.remaining(NOW.plusSeconds(30), NOW)).isEqualTo("in 1 min");
        assertThat(MigrationWindow.remaining(NOW.minusSeconds(1), NOW)).isEqualTo("expired");
        assertThat(MigrationWindow.remaining(null, NOW)).isEqualTo("no window");
    }

    @Test
    void urgencyWarnsUnderADayAndAlarmsUnderTwoHours() {
        assertThat(MigrationWindow.urgency(NOW.plus(Duration.ofHours(25)), NOW)).isEqualTo(MigrationWindow.Urgency.NONE);
        assertThat(MigrationWindow.urgency(NOW.plus(Duration.ofHours(23)), NOW)).isEqualTo(MigrationWindow.Urgency.WARNING);
        assertThat(MigrationWindow.urgency(NOW.plus(Duration.ofMinutes(119)), NOW)).isEqualTo(MigrationWindow.Urgency.DANGER);
        assertThat(MigrationWindow.urgency(NOW, NOW)).isEqualTo(MigrationWindow.Urgency.EXPIRED);
        assertThat(MigrationWindow.urgency(null, NOW)).isEqualTo(MigrationWindow.Urgency.NONE);
    }

    @Test
    void anUnreachablePairIsLabelledSoNotAsAnUnknownStatus() {
        assertThat(com.switchback.base.i18n.Messages.get(com.switchback.base.i18n.Messages.ENGLISH, MigrationStatus.labelKey(MigrationStatus.UNREACHABLE))).isEqualTo("Unreachable");
        assertThat(com.switchback.base.i18n.Messages.get(com.switchback.base.i18n.Messages.ENGLISH, MigrationStatus.labelKey("PRECHECK_FAILED"))).isEqualTo("Unknown status");
    }
}
