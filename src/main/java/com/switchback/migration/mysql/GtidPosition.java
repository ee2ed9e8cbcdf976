package com.switchback.migration.mysql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A MariaDB GTID position or state ({@code domain-server-seq,...}), compared whole: a side has
 * applied a position when, in every domain of it, it holds that very GTID (same server, same
 * sequence number) or a later one. The same sequence number from another server is a different
 * history (an errant transaction), never "caught up".
 */
record GtidPosition(Map<Long, Gtid> byDomain) {

    record Gtid(long domain, long server, long seq) {
        static Gtid parse(String text) {
            String[] parts = text.strip().split("-");
            if (parts.length != 3) {
                throw new IllegalArgumentException("Not a GTID: " + text);
            }
            return new Gtid(Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        }

        @Override
        public String toString() {
            return domain + "-" + server + "-" + seq;
        }
    }

    /** A position: the last GTID of each domain (the highest sequence number where a domain repeats). */
    static GtidPosition parse(String text) {
        Map<Long, Gtid> last = new LinkedHashMap<>();
        for (Gtid g : gtids(text).values()) {
            last.merge(g.domain(), g, (a, b) -> a.seq() >= b.seq() ? a : b);
        }
        return new GtidPosition(Map.copyOf(last));
    }

    boolean covers(GtidPosition other) {
        return other.byDomain.values().stream().allMatch(theirs -> {
            Gtid mine = byDomain.get(theirs.domain());
            return mine != null && (mine.seq() > theirs.seq()
                    || (mine.seq() == theirs.seq() && mine.server() == theirs.server()));
        });
    }

    /**
     * The GTIDs of the state {@code replica} (one per domain and server) that the state {@code source}
     * does not hold: written on the replica only. Empty when there are none.
     */
    static String notIn(String replica, String source) {
        Map<String, Gtid> theirs = gtids(source);
        return gtids(replica).values().stream()
                .filter(g -> {
                    Gtid s = theirs.get(g.domain() + "-" + g.server());
                    return s == null || s.seq() < g.seq();
                })
                .map(Gtid::toString).collect(Collectors.joining(","));
    }

    /** Every GTID of a list, by domain and server. */
    private static Map<String, Gtid> gtids(String text) {
        Map<String, Gtid> all = new LinkedHashMap<>();
        if (text != null) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    Gtid g = Gtid.parse(part);
                    all.merge(g.domain() + "-" + g.server(), g, (a, b) -> a.seq() >= b.seq() ? a : b);
                }
            }
        }
        return all;
    }
}
