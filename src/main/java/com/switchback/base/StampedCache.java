package com.switchback.base;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One read per key and change, however many pages ask at once. When a change is delivered, every
 * open page re-reads what it shows at the same moment; the first to ask reads, the others wait for
 * that read instead of each running it (a stampede of identical queries on a busy pool). An entry
 * counts only for the stamp it was read at (the change counter of what it depends on) and for at most
 * {@code maxAge}, so a page never shows less than it would have read itself when the change arrived.
 */
public final class StampedCache<K, V> {

    private static final int MAX_ENTRIES = 10_000;

    private record Entry<V>(long stamp, long readAt, CompletableFuture<V> value) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final int maxEntries;

    public StampedCache(Duration maxAge) {
        this(maxAge, MAX_ENTRIES);
    }

    /** @param maxEntries past this many keys, all others are dropped (for values that are large, as a page of rows) */
    public StampedCache(Duration maxAge, int maxEntries) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The value read for {@code key} at {@code stamp}, reading it with {@code read} if nobody has (null is not kept). */
    public V get(K key, long stamp, Supplier<V> read) {
        long now = System.nanoTime();
        CompletableFuture<V> mine = new CompletableFuture<>();
        Entry<V> entry = entries.compute(key, (k, e) ->
                e != null && e.stamp() == stamp && now - e.readAt() < maxAgeNanos
                        && !e.value().isCompletedExceptionally() ? e : new Entry<>(stamp, now, mine));
        if (entry.value() != mine) {
            V shared = entry.value().join();
            return shared != null ? shared : read.get();
        }
        if (entries.size() > maxEntries) {
            entries.keySet().removeIf(k -> !k.equals(key));
        }
        try {
            V value = read.get();
            mine.complete(value);
            if (value == null) {
                entries.remove(key, entry);
            }
            return value;
        } catch (RuntimeException e) {
            // The others read for themselves; the next change reads afresh.
            entries.remove(key, entry);
            mine.complete(null);
            throw e;
        }
    }

    /** Whether {@code key} was read within {@code window} (a page shows it: worth reading ahead of a change). */
    public boolean readWithin(K key, Duration window) {
        Entry<V> e = entries.get(key);
        return e != null && System.nanoTime() - e.readAt() < window.toNanos();
    }

    public void invalidate(K key) {
        entries.remove(key);
    }
}
