package com.switchback.base.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.i18n.Texts;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Date-time pickers whose calendar speaks the page's language (months, weekdays, Today and Cancel). */
public final class Pickers {

    private Pickers() {
    }

    public static DateTimePicker of(String label) {
        DateTimePicker p = new DateTimePicker(label);
        Locale locale = Texts.locale();
        p.setLocale(locale);
        // The calendar's own words; the dates themselves stay ISO (yyyy-MM-dd), as every time in the console.
        List<DayOfWeek> fromSunday = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
                DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);
        p.setDatePickerI18n(new DatePicker.DatePickerI18n()
                .setMonthNames(Arrays.stream(Month.values()).map(m -> m.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdays(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList())
                .setWeekdaysShort(fromSunday.stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale)).toList())
                .setFirstDayOfWeek(1)
                .setToday(t("picker.today"))
                .setCancel(t("picker.cancel"))
                .setDateFormat("yyyy-MM-dd"));
        return p;
    }
}
