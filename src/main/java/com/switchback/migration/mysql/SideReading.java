package com.switchback.migration.mysql;

import java.util.Optional;

/**
 * One server as read just now: its {@code read_only}, its link to the other server if it
 * replicates, and whether GTID replication can work. {@code error} is set when it could not be read.
 */
record SideReading(String label, Boolean readOnly, Optional<ReplicaStatus> replica, String gtidProblem, String error) {

    static SideReading unreachable(String label, String error) {
        return new SideReading(label, null, Optional.empty(), null, error);
    }

    boolean reachable() {
        return error == null;
    }

    boolean writable() {
        return Boolean.FALSE.equals(readOnly);
    }
}
