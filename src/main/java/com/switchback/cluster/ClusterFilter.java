package com.switchback.cluster;

/**
 * What the clusters view filters on: text in the id or description, and one migration status
 * (raw value, or null for any).
 */
public record ClusterFilter(String text, String migrationStatus) {

    public static final int MAX_TEXT = 100;

    public static final ClusterFilter NONE = new ClusterFilter(null, null);

    public ClusterFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        if (text != null && text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        migrationStatus = migrationStatus == null || migrationStatus.isBlank() ? null : migrationStatus;
    }
}
