package com.switchback.migration;

import java.time.Instant;
import java.util.List;

/**
 * What a backend reports of one cluster's migration, in the terms of
 * {@code DescribeDBClusterMigration}. {@code status} is raw: it may be a value we do not know.
 */
public record MigrationSnapshot(
        String clusterId,
        String sourceRdsId,
        String status,
        ReadWriteMode rdsMode,
        ReadWriteMode clusterMode,
        Topology topology,
        int delayedSeconds,
        Instant expiredTime,
        String comment,
        List<Endpoint> endpoints) {

    public MigrationSnapshot {
        comment = comment == null ? "" : comment;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    }

    /** Both sides writable while a link joins them: the one state Switchback must never cause. */
    public boolean twoWriters() {
        return topology != null && rdsMode == ReadWriteMode.rw && clusterMode == ReadWriteMode.rw;
    }

    /** Whether the endpoints are swapped now: an endpoint routes to the side it is not named after. */
    public boolean endpointsSwapped() {
        return endpoints.stream().anyMatch(e -> e.routesTo() != null && e.routesTo() != e.side());
    }

    /** The endpoints that reach {@code side} now, as routed (not as named). */
    public List<Endpoint> endpointsReaching(Endpoint.Side side) {
        return endpoints.stream().filter(e -> e.routesTo() == side).toList();
    }

    /** A short account of the state, for failure reports ("the state left behind"). */
    public String describe() {
        return "status " + status
                + "; Source RDS " + ReadWriteMode.labelOf(rdsMode)
                + "; PolarDB " + ReadWriteMode.labelOf(clusterMode)
                + "; link " + Topology.labelOf(topology)
                + (comment.isEmpty() ? "" : "; exception: " + comment);
    }
}
