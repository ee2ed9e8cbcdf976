package com.switchback.migration;

import java.util.List;
import java.util.Map;
import jakarta.annotation.PreDestroy;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells open views which migrations changed. Events carry only cluster ids (views re-read the
 * tables). The first change after a quiet spell is delivered at once; changes that follow within
 * {@link #MIN_INTERVAL_MS} are batched into the next delivery, so a view updates at most four
 * times a second however busy the fleet is. Other nodes hear of each change through PostgreSQL
 * NOTIFY ({@link ClusterChangeListener} receives theirs).
 */
@Component
public class MigrationEvents implements com.switchback.base.LiveChanges {

    /** The NOTIFY channel; the payload is {@code nodeId:clusterId}. */
    static final String CHANNEL = "switchback_migration";

    private static final Logger log = LoggerFactory.getLogger(MigrationEvents.class);

    /** The shortest time between two deliveries. */
    static final long MIN_INTERVAL_MS = 250;

    private final String nodeId = UUID.randomUUID().toString();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("migration-events").factory());
    private final ExecutorService deliverers = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean deliveryScheduled = new AtomicBoolean();
    private volatile long lastDelivery;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<Set<String>>> warmers = new CopyOnWriteArrayList<>();
    private final Map<String, Long> announcedChanges = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong allChanges = new java.util.concurrent.atomic.AtomicLong();
    private final JdbcClient jdbc;

    MigrationEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Something about this cluster's migration changed (status, request, a step). Inside a
     * transaction, this node's views and other nodes hear of it when it commits.
     */
    public void publish(String clusterId) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Views re-read the tables: tell them only once the change is committed and visible.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    announce(clusterId);
                }
            });
        } else {
            announce(clusterId);
        }
        try {
            jdbc.sql("select pg_notify(:channel, :payload)")
                    .param("channel", CHANNEL).param("payload", nodeId + ":" + clusterId)
                    .query((rs, n) -> 1).list();
        } catch (RuntimeException e) {
            log.warn("Could not tell other nodes that {} changed: {}", clusterId, e.getMessage());
        }
    }

    /** A change another node announced. */
    void received(String payload) {
        int colon = payload.indexOf(':');
        if (colon > 0 && !payload.substring(0, colon).equals(nodeId)) {
            announce(payload.substring(colon + 1));
        }
    }

    /** Every migration may have changed (notifications were missed): views re-read them all. */
    void announceAll() {
        jdbc.sql("select cluster_id from migration").query(String.class).list().forEach(this::announce);
    }

    /** A committed change: stamp it (cached reads of it are now old) and deliver it. */
    private void announce(String clusterId) {
        announcedChanges.merge(clusterId, 1L, Long::sum);
        allChanges.incrementAndGet();
        pending.add(clusterId);
        scheduleDelivery();
    }

    /** At once after a quiet spell, else at the end of the current interval; one delivery pending at a time. */
    private void scheduleDelivery() {
        if (deliveryScheduled.compareAndSet(false, true)) {
            long wait = Math.max(0, lastDelivery + MIN_INTERVAL_MS - System.currentTimeMillis());
            timer.schedule(() -> {
                deliveryScheduled.set(false);
                flush();
            }, wait, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
        deliverers.shutdownNow();
    }

    /** Listens for batches of changed cluster ids; call the returned handle to stop. */
    @Override
    public Runnable subscribe(Consumer<Set<String>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many committed changes of this cluster were announced: a stamp for what was last read. */
    public long changeStamp(String clusterId) {
        return announcedChanges.getOrDefault(clusterId, 0L);
    }

    /** How many committed changes of any cluster were announced: a stamp for fleet-wide reads. */
    public long changeStamp() {
        return allChanges.get();
    }

    public int listenerCount() {
        return listeners.size();
    }

    /** Delivers what changed since the last delivery (tests call it to deliver at once). */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        lastDelivery = System.currentTimeMillis();
        Set<String> batch = ConcurrentHashMap.newKeySet();
        for (String id : pending) {
            pending.remove(id);
            batch.add(id);
        }
        Set<String> changed = Set.copyOf(batch);
        // What every open page will re-read is read first, once and in parallel, outside any page's lock.
        run(warmers, changed);
        // Each view re-reads in parallel: one slow view must not hold up the others.
        run(listeners, changed);
    }

    /**
     * Reads, before the pages are told of a change, what they will all re-read (the shared reads of
     * {@code base.StampedCache}), so no page holds its lock while waiting for a query.
     */
    public Runnable beforeDelivery(Consumer<Set<String>> warmer) {
        warmers.add(warmer);
        return () -> warmers.remove(warmer);
    }

    private void run(List<Consumer<Set<String>>> each, Set<String> changed) {
        List<Callable<Void>> deliveries = each.stream().<Callable<Void>>map(l -> () -> {
            try {
                l.accept(changed);
            } catch (RuntimeException e) {
                log.warn("A status listener failed", e);
            }
            return null;
        }).toList();
        try {
            deliverers.invokeAll(deliveries);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
