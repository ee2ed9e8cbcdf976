package com.switchback.migration;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * When a change is delivered, every view showing that cluster re-reads it at once; this lets them
 * share one read. An entry is used only while no later change of its cluster was delivered (every
 * change is announced after its commit) and for at most a second, so a view never shows less than
 * it would have read itself at the start of the delivery.
 */
public final class PerChangeCache<T> {

    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final int MAX_ENTRIES = 1000;

    private record Entry<T>(long stamp, long readAt, T value) {
    }

    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final MigrationEvents events;

    public PerChangeCache(MigrationEvents events) {
        this.events = events;
    }

    /** The value read for the cluster since its last change, or {@code read}'s (kept unless null). */
    public T get(String clusterId, Supplier<T> read) {
        long stamp = events.changeStamp(clusterId);
        long now = System.nanoTime();
        Entry<T> e = entries.get(clusterId);
        if (e != null && e.stamp() == stamp && now - e.readAt() < MAX_AGE.toNanos()) {
            return e.value();
        }
        T fresh = read.get();
        if (fresh != null) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(clusterId, new Entry<>(stamp, now, fresh));
        }
        return fresh;
    }

    /** Forgets the cluster's entry: the next read goes to the database (after a change made on this node). */
    public void invalidate(String clusterId) {
        entries.remove(clusterId);
    }
}
