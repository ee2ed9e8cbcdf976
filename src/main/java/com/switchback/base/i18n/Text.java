package com.switchback.base.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A sentence said by a service, kept as its key and values so each page shows it in its own
 * language; logs and exception messages get the English. Values that are themselves texts (a
 * check's name) are translated too.
 */
public record Text(String key, Object... params) {

    /** A value that is itself a key, as kept in a text column: marked so it is read back as a key. */
    private static final char KEY_MARK = '\u241F';
    /** Between values in a text column: the unit separator, which no typed text holds. */
    private static final String SEPARATOR = "\u001F";
    /** Between the key and the values of a text inside a text (one level deep). */
    private static final String INNER = "\u001E";

    public static Text of(String key, Object... params) {
        return new Text(key, params);
    }

    /** An enum value as people read it: key {@code enum.<Type>.<NAME>}. */
    public static Text label(Enum<?> value) {
        return new Text("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
    }

    /**
     * A sentence a backend or the configuration wrote (a vendor's error, a setup hint), said as written
     * in every language (DD018).
     */
    public static Text asWritten(String sentence) {
        return new Text("text.asWritten", sentence);
    }

    public String in(Locale locale) {
        // A plain loop: pages say some twenty sentences per live change each.
        Object[] filled = params;
        for (int i = 0; i < params.length; i++) {
            if (params[i] instanceof Text t) {
                if (filled == params) {
                    filled = params.clone();
                }
                filled[i] = t.in(locale);
            }
        }
        return Messages.get(locale, key, filled);
    }

    /** The values as one text, for a row that is said later in its reader's language ({@link #stored}). */
    public String storedParams() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            b.append(i == 0 ? "" : SEPARATOR).append(p instanceof Text t ? KEY_MARK + t.key + Arrays.stream(t.params)
                    .map(v -> INNER + clean(String.valueOf(v instanceof Text n ? n.english() : v))).collect(Collectors.joining())
                    : clean(String.valueOf(p)));
        }
        return b.toString();
    }

    /** A text read back from its key and {@link #storedParams()}. */
    public static Text stored(String key, String storedParams) {
        if (storedParams == null || storedParams.isEmpty()) {
            return new Text(key);
        }
        Object[] values = Arrays.stream(storedParams.split(SEPARATOR, -1)).map(v -> {
            if (v.isEmpty() || v.charAt(0) != KEY_MARK) {
                return (Object) v;
            }
            String[] parts = v.substring(1).split(INNER, -1);
            return new Text(parts[0], (Object[]) Arrays.copyOfRange(parts, 1, parts.length));
        }).toArray();
        return new Text(key, values);
    }

    private static String clean(String value) {
        return value.replace(SEPARATOR, " ").replace(INNER, " ").replace(KEY_MARK, ' ');
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
