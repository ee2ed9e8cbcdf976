package com.switchback.cluster;

/** A PolarDB cluster as discovered by its backend. */
public record Cluster(String id, String description, String region, String engineVersion, String clusterStatus,
                      String backend) {
}
