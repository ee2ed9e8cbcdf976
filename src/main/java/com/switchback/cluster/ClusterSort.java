package com.switchback.cluster;

/** A sortable column of the clusters view, mapped to SQL here and nowhere else. */
public enum ClusterSort {
    ID("c.id"),
    DESCRIPTION("c.description"),
    REGION("c.region"),
    ENGINE("c.engine_version"),
    CLUSTER_STATUS("c.cluster_status"),
    MIGRATION_STATUS("m.status"),
    LATENCY("m.delayed_seconds"),
    WINDOW("m.expired_time");

    final String column;

    ClusterSort(String column) {
        this.column = column;
    }

    boolean onMigration() {
        return column.startsWith("m.");
    }

    /** Whether the migration service's changes can move a row in this order (its values are live). */
    public boolean live() {
        return onMigration() || this == CLUSTER_STATUS;
    }

    /** One sort criterion. */
    public record Order(ClusterSort by, boolean descending) {
    }
}
