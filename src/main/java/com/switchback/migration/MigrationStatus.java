package com.switchback.migration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code MigrationStatus} values of {@code DescribeDBClusterMigration}. A backend may report
 * other values: those are kept raw (see {@link #parse}) and allow no action.
 */
public enum MigrationStatus {
    NO_MIGRATION,
    RDS2POLARDB_CLONING,
    RDS2POLARDB_SYNCING,
    SWITCHING,
    POLARDB2RDS_SYNCING,
    ROLLBACK,
    CLOSING_MIGRATION;

    /** Not a vendor status: a self-managed pair whose servers cannot be read (the reason is the comment). */
    public static final String UNREACHABLE = "UNREACHABLE";

    public static Optional<MigrationStatus> parse(String raw) {
        return Arrays.stream(values()).filter(s -> s.name().equals(raw)).findFirst();
    }

    /** The message key of a short label for any raw value, unknown ones named as such (a page says it in its language). */
    public static String labelKey(String raw) {
        if (UNREACHABLE.equals(raw)) {
            return "enum.MigrationStatus.UNREACHABLE";
        }
        return parse(raw).map(s -> "enum.MigrationStatus." + s.name()).orElse("enum.MigrationStatus.UNKNOWN");
    }
}
