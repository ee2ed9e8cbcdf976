package com.switchback.base.i18n;

import java.util.Arrays;
import java.util.Locale;

/**
 * A sentence said by a service, kept as its key and values so each page shows it in its own
 * language; logs and exception messages get the English. Values that are themselves texts (a
 * check's name) are translated too.
 */
public record Text(String key, Object... params) {

    public static Text of(String key, Object... params) {
        return new Text(key, params);
    }

    public String in(Locale locale) {
        Object[] filled = Arrays.stream(params).map(p -> p instanceof Text t ? t.in(locale) : p).toArray();
        return Messages.get(locale, key, filled);
    }

    public String english() {
        return in(Messages.ENGLISH);
    }

    @Override
    public String toString() {
        return english();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Text t && key.equals(t.key) && Arrays.equals(params, t.params);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(params);
    }
}
