package com.switchback.verification;

import java.util.ArrayList;
import java.util.List;

/** A row's key values as a JSON array of strings: stored with each difference and as a table's resume point. */
final class Keys {

    private Keys() {
    }

    static String json(List<String> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ",");
            String v = values.get(i);
            if (v == null) {
                b.append("null");
                continue;
            }
            b.append('"');
            for (char c : v.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> b.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            b.append('"');
        }
        return b.append(']').toString();
    }

    /** The values of {@link #json}; null for null. */
    static List<String> parse(String json) {
        if (json == null) {
            return null;
        }
        List<String> values = new ArrayList<>();
        int i = json.indexOf('[') + 1;
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == '"') {
                StringBuilder v = new StringBuilder();
                i++;
                while (json.charAt(i) != '"') {
                    char d = json.charAt(i);
                    if (d == '\\') {
                        char e = json.charAt(++i);
                        switch (e) {
                            case 'n' -> v.append('\n');
                            case 'r' -> v.append('\r');
                            case 't' -> v.append('\t');
                            case 'u' -> {
                                v.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                                i += 4;
                            }
                            default -> v.append(e);
                        }
                    } else {
                        v.append(d);
                    }
                    i++;
                }
                values.add(v.toString());
                i++;
            } else if (json.startsWith("null", i)) {
                values.add(null);
                i += 4;
            } else {
                i++;
            }
        }
        return values;
    }
}
