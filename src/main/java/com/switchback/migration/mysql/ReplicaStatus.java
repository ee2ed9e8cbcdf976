package com.switchback.migration.mysql;

/** What {@code SHOW REPLICA STATUS} says of a server's link to its source. */
record ReplicaStatus(boolean ioRunning, boolean sqlRunning,
                     Integer secondsBehind, String ioError, String sqlError) {

    boolean running() {
        return ioRunning && sqlRunning;
    }

    /** The server's own error text, or null when both threads are free of errors. */
    String error() {
        if (sqlError != null && !sqlError.isBlank()) {
            return "SQL thread: " + sqlError;
        }
        if (ioError != null && !ioError.isBlank()) {
            return "IO thread: " + ioError;
        }
        return null;
    }
}
