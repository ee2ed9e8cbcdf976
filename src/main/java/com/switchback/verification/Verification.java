package com.switchback.verification;

import java.time.Duration;
import java.time.Instant;

/** One run of Verify Data on a cluster: its state, progress and outcome. */
public record Verification(long id, String clusterId, String requestedBy, Instant requestedAt, State state,
                           Instant startedAt, Instant finishedAt, boolean cancelRequested, long rowsEstimated,
                           long rowsDone, long chunksDone, long differences, int notCheckable, String error) {

    public enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED;

        public boolean open() {
            return this == QUEUED || this == RUNNING;
        }
    }

    /** Finished, every table compared, nothing different and nothing left out. */
    public boolean clean() {
        return state == State.DONE && differences == 0 && notCheckable == 0;
    }

    /** Rows per second so far (or over the whole run once finished); 0 before any chunk. */
    public double rowsPerSecond(Instant now) {
        if (startedAt == null) {
            return 0;
        }
        long ms = Duration.between(startedAt, finishedAt == null ? now : finishedAt).toMillis();
        return ms <= 0 ? 0 : rowsDone * 1000.0 / ms;
    }

    /** Time left at the current rate, or null when it cannot be told. */
    public Duration remaining(Instant now) {
        double rate = rowsPerSecond(now);
        if (rate <= 0 || rowsEstimated <= rowsDone) {
            return null;
        }
        return Duration.ofMillis((long) ((rowsEstimated - rowsDone) * 1000 / rate));
    }

    /** One table's result. */
    public record Table(int ordinal, String schema, String table, String key, String notCheckable, String missingOn,
                        long rowsEstimated, long rowsCompared, long chunks, long matching, long missingOnRds,
                        long missingOnPolardb, long different, boolean done, long millis) {

        public String name() {
            return schema + "." + table;
        }

        public long differences() {
            return missingOnRds + missingOnPolardb + different;
        }
    }

    /** One differing row. */
    public record Difference(String table, String key, String kind) {
    }
}
