package com.switchback.base.ui;

import static com.switchback.base.i18n.Texts.t;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.time.Instant;
import java.time.ZoneOffset;

/** Date-time pickers whose values are read as UTC, as every time in the console is. */
public final class UtcRange {

    private UtcRange() {
    }

    public static DateTimePicker picker(String label) {
        DateTimePicker p = Pickers.of(t("common.utcLabel", label));
        p.setStep(java.time.Duration.ofMinutes(15));
        return p;
    }

    public static Instant instant(DateTimePicker p) {
        return p.getValue() == null ? null : p.getValue().toInstant(ZoneOffset.UTC);
    }
}
