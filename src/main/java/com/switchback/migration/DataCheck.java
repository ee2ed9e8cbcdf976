package com.switchback.migration;

import java.util.List;

/**
 * A backend's way to compare the data of both sides of a cluster, chunk by chunk, while writes go
 * on (docs/decisions/DD015). Opened per run; every call reads the servers now. A chunk is the rows
 * after a key (exclusive) up to a number of rows, so a run resumes from the last finished chunk.
 */
public interface DataCheck extends AutoCloseable {

    /** The tables of the migrated databases, each with its key, or why it cannot be checked. */
    List<TablePlan> tables();

    /**
     * Compares the chunk of {@code table} after {@code after} (null: from the start), at most
     * {@code rows} rows: both sides at the same point of the replication stream; a chunk that
     * differs is checked again after a short wait, then row by row.
     */
    Chunk compare(TablePlan table, List<String> after, int rows);

    /** How far the replica is behind now, in seconds; -1 when not known. */
    long lagSeconds();

    @Override
    default void close() {
    }

    /**
     * One table: its key columns (the primary key, else a unique key of non-null columns), an
     * estimate of its rows, and, when it cannot be compared, why (then {@code key} is empty).
     * {@code missingOn} names the side that lacks the table altogether (every row then differs).
     */
    record TablePlan(String schema, String table, List<String> key, long rowsEstimated, String notCheckable,
                     Side missingOn) {

        public boolean checkable() {
            return notCheckable == null;
        }

        public String name() {
            return schema + "." + table;
        }
    }

    /** Which side a row or table is missing on. */
    enum Side { RDS, POLARDB }

    /** What a row differs in. */
    enum Kind { MISSING_ON_RDS, MISSING_ON_POLARDB, DIFFERENT }

    /** One differing row, by its key values. */
    record Difference(List<String> key, Kind kind) {
    }

    /**
     * A compared chunk: rows compared (the larger side), rows that match, every difference, and
     * where the next chunk starts ({@code null}: the table is done).
     */
    record Chunk(long rows, long matching, List<Difference> differences, List<String> last) {
    }
}
