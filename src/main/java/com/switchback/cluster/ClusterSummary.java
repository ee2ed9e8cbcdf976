package com.switchback.cluster;

/** A row of the clusters view: the cluster and the last observed state of its migration. */
public record ClusterSummary(String id, String description, String region, String engineVersion,
                             String clusterStatus, String backend, String migrationStatus, int delayedSeconds,
                             boolean hasException, java.time.Instant expiredTime) {
}
