package com.switchback.base.i18n;

import static com.switchback.base.i18n.Texts.t;

import com.vaadin.flow.component.UI;
import java.util.Locale;

/**
 * The words of the page being drawn: {@code t("clusters.clusters")} in the current UI's language
 * (English where there is no UI, as in a log line). Views import {@code t} statically.
 */
public final class Texts {

    private Texts() {
    }

    /** A key in the page's language; values that are themselves {@link Text}s are said in it too. */
    public static String t(String key, Object... params) {
        return Text.of(key, params).in(locale());
    }

    /** A message made elsewhere (a service's refusal), in the current UI's language. */
    public static String t(Text text) {
        return text.in(locale());
    }

    /** An enum value as people read it: key {@code enum.<Type>.<NAME>}. */
    public static String label(Enum<?> value) {
        return value == null ? "—" : t(Text.label(value));
    }

    /** Why something was refused: a {@link Localized} reason in the page's language, else the exception's message. */
    public static String t(Throwable refusal) {
        return refusal instanceof Localized l ? t(l.reason()) : refusal.getMessage();
    }

    public static Locale locale() {
        UI ui = UI.getCurrent();
        return ui == null ? Messages.ENGLISH : Messages.supported(ui.getLocale());
    }

    /** Whether the page is in Chinese (the user menu's language switch offers the other one). */
    public static boolean chinese() {
        return Messages.CHINESE.equals(locale());
    }
}
