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
        List<Endpoint> endpoints,
        String sourceType) {

    /** Alibaba Cloud's {@code SrcDbType} of a PolarDB cluster upgraded to a new major version. */
    public static final String POLARDB_SOURCE = "PolarDBMySQL";

    public MigrationSnapshot {
        comment = comment == null ? "" : comment;
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        sourceType = sourceType == null || sourceType.isBlank() ? "RDS" : sourceType;
    }

    /** A migration from an RDS instance, the usual case. */
    public MigrationSnapshot(String clusterId, String sourceRdsId, String status, ReadWriteMode rdsMode,
                             ReadWriteMode clusterMode, Topology topology, int delayedSeconds, Instant expiredTime,
                             String comment, List<Endpoint> endpoints) {
        this(clusterId, sourceRdsId, status, rdsMode, clusterMode, topology, delayedSeconds, expiredTime, comment,
                endpoints, "RDS");
    }

    /** The same reading with its endpoints as stored. */
    public MigrationSnapshot withEndpoints(List<Endpoint> list) {
        return new MigrationSnapshot(clusterId, sourceRdsId, status, rdsMode, clusterMode, topology, delayedSeconds,
                expiredTime, comment, list, sourceType);
    }

    /** The same reading with a note, and the latency as now known (-1 when not). */
    public MigrationSnapshot withComment(String note, int latency) {
        return new MigrationSnapshot(clusterId, sourceRdsId, status, rdsMode, clusterMode, topology, latency,
                expiredTime, note, endpoints, sourceType);
    }

    /** How the console names the source: "Source RDS", or "Source PolarDB" for a major-version upgrade. */
    public String sourceLabel() {
        return POLARDB_SOURCE.equals(sourceType) ? "Source PolarDB" : "Source RDS";
    }

    /** The message key of {@link #sourceLabel()}, for a page to say in its language. */
    public String sourceLabelKey() {
        return POLARDB_SOURCE.equals(sourceType) ? "source.polardb" : "source.rds";
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
