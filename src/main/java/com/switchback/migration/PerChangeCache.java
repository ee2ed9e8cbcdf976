package com.switchback.migration;

import com.switchback.base.StampedCache;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * When a change is delivered, every view showing that cluster re-reads it at once; this lets them
 * share one read. An entry is used only while no later change of its cluster was delivered (every
 * change is announced after its commit) and for at most a second, so a view never shows less than
 * it would have read itself at the start of the delivery.
 */
public final class PerChangeCache<T> {

    private final StampedCache<String, T> cache = new StampedCache<>(Duration.ofSeconds(1));
    private final MigrationEvents events;

    public PerChangeCache(MigrationEvents events) {
        this.events = events;
    }

    /** The value read for the cluster since its last change, or {@code read}'s (kept unless null). */
    public T get(String clusterId, Supplier<T> read) {
        return cache.get(clusterId, events.changeStamp(clusterId), read);
    }

    /**
     * Before pages are told of a change: reads what they will ask for, for the clusters some page read
     * in the last minutes (a page that shows it re-reads on every change).
     */
    public void warm(java.util.Set<String> changed, java.util.function.Function<String, T> read) {
        for (String id : changed) {
            if (cache.readWithin(id, WATCHED)) {
                get(id, () -> read.apply(id));
            }
        }
    }

    private static final Duration WATCHED = Duration.ofMinutes(5);

    /** Forgets the cluster's entry: the next read goes to the database (after a change made on this node). */
    public void invalidate(String clusterId) {
        cache.invalidate(clusterId);
    }
}
