package com.switchback.migration;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * When a change is delivered, every view showing that migration re-reads it at once; this lets
 * them share one read. An entry is used only while no later change of its cluster was delivered
 * (every change is announced after its commit) and for at most a second, so a view never shows
 * less than it would have read itself at the start of the delivery.
 */
@Component
class OverviewCache {

    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final int MAX_ENTRIES = 1000;

    private record Entry(long stamp, long readAt, MigrationOverview overview) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final MigrationEvents events;

    OverviewCache(MigrationEvents events) {
        this.events = events;
    }

    MigrationOverview get(String clusterId, Supplier<MigrationOverview> read) {
        long stamp = events.changeStamp(clusterId);
        long now = System.nanoTime();
        Entry e = entries.get(clusterId);
        if (e != null && e.stamp() == stamp && now - e.readAt() < MAX_AGE.toNanos()) {
            return e.overview();
        }
        MigrationOverview fresh = read.get();
        if (fresh != null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(clusterId, new Entry(stamp, now, fresh));
        }
        return fresh;
    }
}
