package com.switchback.cluster;

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

    ClusterService(ClusterRepository clusters, MigrationBackends backends) {
        this.clusters = clusters;
        this.backends = backends;
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
