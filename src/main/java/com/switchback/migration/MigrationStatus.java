package com.switchback.migration;

import java.util.Arrays;
import java.util.Optional;

/**
 * The {@code MigrationStatus} values of {@code DescribeDBClusterMigration}. A backend may report
 * other values: those are kept raw (see {@link #parse}) and allow no action.
 */
public enum MigrationStatus {
    NO_MIGRATION("No migration"),
    RDS2POLARDB_CLONING("Cloning"),
    RDS2POLARDB_SYNCING("Syncing to PolarDB"),
    SWITCHING("Switching over"),
    POLARDB2RDS_SYNCING("Switched over"),
    ROLLBACK("Rolling back"),
    CLOSING_MIGRATION("Closing");

    /** Not a vendor status: a self-managed pair whose servers cannot be read (the reason is the comment). */
    public static final String UNREACHABLE = "UNREACHABLE";

    private final String label;

    MigrationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<MigrationStatus> parse(String raw) {
        return Arrays.stream(values()).filter(s -> s.name().equals(raw)).findFirst();
    }

    /** The message key of a short label for any raw value (the page says it in its language). */
    public static String labelKey(String raw) {
        if (UNREACHABLE.equals(raw)) {
            return "enum.MigrationStatus.UNREACHABLE";
        }
        return parse(raw).map(s -> "enum.MigrationStatus." + s.name()).orElse("enum.MigrationStatus.UNKNOWN");
    }

    /** A short human label for any raw value; unknown values are named as such. */
    public static String labelOf(String raw) {
        if (UNREACHABLE.equals(raw)) {
            return "Unreachable";
        }
        return parse(raw).map(MigrationStatus::label).orElse("Unknown status");
    }
}
