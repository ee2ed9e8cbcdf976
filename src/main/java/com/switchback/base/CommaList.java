package com.switchback.base;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A short list kept in one text column (cluster ids, event keys, addresses): comma-separated, sorted, no blanks. */
public final class CommaList {

    private CommaList() {
    }

    /** The entries of {@code list}, stripped and sorted; empty for null or blank. */
    public static Set<String> split(String list) {
        return list == null || list.isBlank() ? Set.of() : Arrays.stream(list.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code values} stripped, without blanks or repeats, sorted, comma-separated. */
    public static String join(Collection<String> values) {
        return values.stream().map(String::strip).filter(s -> !s.isEmpty()).sorted().distinct()
                .collect(Collectors.joining(","));
    }
}
