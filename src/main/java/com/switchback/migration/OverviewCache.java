package com.switchback.migration;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** One read of a migration's overview per change, shared by every view showing it ({@link PerChangeCache}). */
@Component
class OverviewCache {

    private final PerChangeCache<MigrationOverview> cache;

    OverviewCache(MigrationEvents events) {
        this.cache = new PerChangeCache<>(events);
    }

    MigrationOverview get(String clusterId, Supplier<MigrationOverview> read) {
        return cache.get(clusterId, read);
    }
}
