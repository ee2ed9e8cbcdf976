package com.switchback.migration;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** One read of a migration's overview per change, shared by every view showing it ({@link PerChangeCache}). */
@Component
class OverviewCache {

    private final PerChangeCache<MigrationOverview> cache;
    private final MigrationEvents events;

    OverviewCache(MigrationEvents events) {
        this.cache = new PerChangeCache<>(events);
        this.events = events;
    }

    /** Reads a changed migration's overview before the pages showing it are told of the change. */
    void warmWith(java.util.function.Function<String, MigrationOverview> read) {
        events.beforeDelivery(changed -> cache.warm(changed, read));
    }

    MigrationOverview get(String clusterId, Supplier<MigrationOverview> read) {
        return cache.get(clusterId, read);
    }
}
