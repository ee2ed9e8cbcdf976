package com.switchback.migration;

/** A cluster as a backend's discovery lists it ({@code DescribeDBClusters}). */
public record ClusterDescription(String clusterId, String description, String region, String engineVersion,
                                 String clusterStatus) {
}
