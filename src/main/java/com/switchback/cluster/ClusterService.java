package com.switchback.cluster;

import com.switchback.base.StampedCache;
import com.switchback.base.WeakInterner;
import java.time.Duration;
import com.switchback.base.AppRoles;
import com.switchback.migration.MigrationBackends;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the fleet. */
@Service
public class ClusterService {

    /** The grid never asks for more than this many rows at once. */
    static final int MAX_PAGE = 500;

    private final ClusterRepository clusters;
    private final MigrationBackends backends;
    private final com.switchback.migration.MigrationEvents events;
    /**
     * The pages and counts open lists show, read once per change of the fleet however many lists
     * show the same page (most show the first, unfiltered): one query instead of one per open list,
     * and rows the lists share instead of a copy each (DD020).
     */
    private final StampedCache<PageKey, List<ClusterSummary>> shownPages = new StampedCache<>(Duration.ofSeconds(1), 200);
    private final StampedCache<java.util.Set<String>, List<ClusterSummary>> shownRowsOf =
            new StampedCache<>(Duration.ofSeconds(1), 200);
    private final StampedCache<ClusterFilter, Integer> shownCounts = new StampedCache<>(Duration.ofSeconds(1), 200);

    /** Rows as lists hold them: an unchanged row is the same object in every list, whenever it was read. */
    private final WeakInterner<ClusterSummary> rows = new WeakInterner<>();

    private List<ClusterSummary> shared(List<ClusterSummary> read) {
        return read.stream().map(rows::intern).toList();
    }

    private record PageKey(ClusterFilter filter, List<ClusterSort.Order> sort, int offset, int limit) {
    }

    ClusterService(ClusterRepository clusters, MigrationBackends backends, com.switchback.migration.MigrationEvents events) {
        this.clusters = clusters;
        this.backends = backends;
        this.events = events;
    }

    /** A page of the list as every open list shows it: read at most once per change of the fleet. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public List<ClusterSummary> shownPage(ClusterFilter filter, List<ClusterSort.Order> sort, int offset, int limit) {
        int from = Math.max(0, offset);
        int size = Math.clamp(limit, 1, MAX_PAGE);
        return shownPages.get(new PageKey(filter, List.copyOf(sort), from, size), events.changeStamp(),
                () -> shared(clusters.page(filter, sort, from, size)));
    }

    /** The rows of changed clusters, as every open list shows them: read at most once per change. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public List<ClusterSummary> shownRows(java.util.Set<String> ids) {
        if (ids.isEmpty() || ids.size() > MAX_PAGE) {
            return List.of();
        }
        return shownRowsOf.get(java.util.Set.copyOf(ids), events.changeStamp(), () -> shared(clusters.rows(ids)));
    }

    /** How many clusters match, as every open list shows it: read at most once per change of the fleet. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public int shownCount(ClusterFilter filter) {
        return shownCounts.get(filter, events.changeStamp(), () -> clusters.count(filter));
    }

    /** What keeps a backend from seeing all of its clusters now, named by backend. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public List<String> backendProblems() {
        return backends.all().stream().flatMap(b -> b.problems().stream().map(p -> b.name() + ": " + p)).toList();
    }

    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public List<ClusterSummary> page(ClusterFilter filter, List<ClusterSort.Order> sort, int offset, int limit) {
        return clusters.page(filter, sort, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE));
    }

    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public int count(ClusterFilter filter) {
        return clusters.count(filter);
    }

    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public List<String> statuses() {
        return clusters.statuses();
    }

    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public Optional<Cluster> find(String id) {
        if (id == null || id.length() > 64) {
            return Optional.empty();
        }
        return clusters.find(id);
    }
}
