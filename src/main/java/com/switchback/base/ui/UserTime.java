package com.switchback.base.ui;

import com.switchback.base.Formats;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

/**
 * Times as the person reads them: in their browser's time zone, labelled with its offset, with the
 * UTC time on hover (the audit trail, exports and logs stay in UTC). Where the browser's zone is
 * unknown, or is UTC, a time reads as before: "2026-11-28 19:35:00 UTC".
 */
public final class UserTime {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'GMT'xxx");

    private UserTime() {
    }

    /** Pins the page's time zone (before its views are built): a person's choice, or a test's. */
    public static void use(UI ui, ZoneId zone) {
        com.vaadin.flow.component.ComponentUtil.setData(ui, ZoneId.class, zone);
    }

    /** The current page's time zone: as pinned, else as its browser reported it; UTC when unknown. */
    public static ZoneId zone() {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return ZoneOffset.UTC;
        }
        ZoneId pinned = com.vaadin.flow.component.ComponentUtil.getData(ui, ZoneId.class);
        if (pinned != null) {
            return pinned;
        }
        var details = ui.getPage().getExtendedClientDetails();
        String id = details == null ? null : details.getTimeZoneId();
        if (id == null || id.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    /** The time in the page's zone ("2026-11-29 03:35:00 GMT+08:00"), or in UTC as {@link Formats#utc}. */
    public static String format(Instant t) {
        ZoneId zone = zone();
        if (t == null || zone.normalized().equals(ZoneOffset.UTC)) {
            return Formats.utc(t);
        }
        return LOCAL.format(t.atZone(zone));
    }

    /** A time on its own: local text, UTC on hover. */
    public static Span span(Instant t) {
        Span s = new Span(format(t));
        s.getElement().setAttribute("title", Formats.utc(t));
        s.addClassName("sb-time");
        return s;
    }

    /** A grid column of times: local text, UTC on hover. */
    public static <T> LitRenderer<T> renderer(Function<T, Instant> at) {
        return LitRenderer.<T>of("<span class=\"sb-time\" title=\"${item.utc}\">${item.local}</span>")
                .withProperty("local", item -> format(at.apply(item)))
                .withProperty("utc", item -> Formats.utc(at.apply(item)));
    }

    /** What a date-time picker shows, in the page's zone, as the instant it means. */
    public static Instant fromPicker(LocalDateTime value) {
        return value == null ? null : value.atZone(zone()).toInstant();
    }

    /** An instant as a date-time picker in the page's zone shows it. */
    public static LocalDateTime toPicker(Instant t) {
        return LocalDateTime.ofInstant(t, zone());
    }

    /** How pickers name the zone they take times in: "UTC", or "GMT+08:00". */
    public static String zoneLabel() {
        ZoneId zone = zone();
        return zone.normalized().equals(ZoneOffset.UTC) ? "UTC"
                : "GMT" + zone.getRules().getOffset(Instant.now()).getId().replace("Z", "+00:00");
    }
}
