package com.switchback.migration.mysql;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A MariaDB GTID position ({@code domain-server-seq,...}). With one writer at a time the sequence
 * numbers of a domain only grow, so "has applied" means: in every domain, a sequence number at
 * least as high.
 */
record GtidPosition(Map<Long, Long> seqByDomain) {

    static GtidPosition parse(String text) {
        Map<Long, Long> seq = new LinkedHashMap<>();
        if (text != null) {
            for (String gtid : text.split(",")) {
                String g = gtid.strip();
                if (g.isEmpty()) {
                    continue;
                }
                String[] parts = g.split("-");
                if (parts.length != 3) {
                    throw new IllegalArgumentException("Not a GTID: " + g);
                }
                seq.merge(Long.parseLong(parts[0]), Long.parseLong(parts[2]), Math::max);
            }
        }
        return new GtidPosition(Map.copyOf(seq));
    }

    boolean covers(GtidPosition other) {
        return other.seqByDomain.entrySet().stream()
                .allMatch(e -> seqByDomain.getOrDefault(e.getKey(), -1L) >= e.getValue());
    }
}
