package com.switchback.verification;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** A row's key values as a JSON array of strings: stored with each difference and as a table's resume point. */
final class Keys {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> VALUES = new TypeReference<>() {
    };

    private Keys() {
    }

    static String json(List<String> values) {
        return JSON.writeValueAsString(values);
    }

    /** The values of {@link #json}; null for null. */
    static List<String> parse(String json) {
        return json == null ? null : JSON.readValue(json, VALUES);
    }
}
