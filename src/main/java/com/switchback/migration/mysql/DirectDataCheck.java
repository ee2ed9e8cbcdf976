package com.switchback.migration.mysql;

import com.switchback.migration.DataCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.LongSupplier;

/**
 * Verify Data where the link carries rows, not statements (Alibaba Cloud's logical replication;
 * DD015): both sides are read directly with read-only accounts, chunk by chunk. Two reads are not
 * one point of the stream, so a chunk that differs is read again once the reported latency is zero
 * (after a short wait), and only then compared row by row; a differing row is read once more, so a
 * row that was in flight is not reported.
 */
public final class DirectDataCheck implements DataCheck {

    private final Connection rds;
    private final Connection polardb;
    private final LongSupplier lagSeconds;
    private final Duration settle;
    private final Map<String, List<String>> columns = new java.util.HashMap<>();

    private DirectDataCheck(Connection rds, Connection polardb, LongSupplier lagSeconds, Duration settle) {
        this.rds = rds;
        this.polardb = polardb;
        this.lagSeconds = lagSeconds;
        this.settle = settle;
    }

    /**
     * Opens both sides with the given read-only accounts; {@code lagSeconds} reads the link's latency
     * as its service reports it; {@code settle} is the wait before a differing chunk is read again.
     */
    public static DirectDataCheck open(MysqlProperties.Server rdsAccount, MysqlProperties.Server polardbAccount,
                                       LongSupplier lagSeconds, Duration settle) {
        Connection a = null;
        try {
            a = new MysqlServer("Source RDS", rdsAccount).connect();
            Connection b = new MysqlServer("PolarDB", polardbAccount).connect();
            return new DirectDataCheck(a, b, lagSeconds, settle);
        } catch (SQLException e) {
            MysqlDataCheck.closeQuietly(a);
            throw new IllegalStateException("Could not open both sides for Verify Data: " + e.getMessage(), e);
        }
    }

    @Override
    public List<TablePlan> tables() {
        try {
            return MysqlDataCheck.plans(rds, Side.RDS, MysqlDataCheck.baseTables(rds), polardb, Side.POLARDB,
                    MysqlDataCheck.baseTables(polardb), columns);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the tables: " + e.getMessage(), e);
        }
    }

    @Override
    public Chunk compare(TablePlan table, List<String> after, int rows) {
        try {
            if (table.missingOn() != null) {
                Connection has = table.missingOn() == Side.RDS ? polardb : rds;
                Kind kind = table.missingOn() == Side.RDS ? Kind.MISSING_ON_RDS : Kind.MISSING_ON_POLARDB;
                SequencedMap<String, Long> keys = rowCrcs(has, table, after, null, rows);
                List<Difference> missing = keys.keySet().stream()
                        .map(k -> new Difference(MysqlDataCheck.split(k), kind)).toList();
                return new Chunk(keys.size(), 0, missing,
                        keys.size() < rows ? null : MysqlDataCheck.split(keys.lastEntry().getKey()));
            }
            List<String> last = MysqlDataCheck.lastOfChunk(rds, table, after, rows);
            String range = MysqlDataCheck.range(table.key(), after, last);
            long[] a = checksum(rds, table, range);
            long[] b = checksum(polardb, table, range);
            if (a[0] == b[0] && a[1] == b[1]) {
                return new Chunk(a[0], a[0], List.of(), last);
            }
            settle();
            a = checksum(rds, table, range);
            b = checksum(polardb, table, range);
            if (a[0] == b[0] && a[1] == b[1]) {
                return new Chunk(a[0], a[0], List.of(), last);
            }
            return rowByRow(table, after, last);
        } catch (SQLException e) {
            throw new IllegalStateException("Comparing " + table.name() + " failed: " + e.getMessage(), e);
        }
    }

    /** Each row's key and checksum from both sides; a row that differs is read once more after the link settles. */
    private Chunk rowByRow(TablePlan table, List<String> after, List<String> last) throws SQLException {
        Map<String, Long> here = rowCrcs(rds, table, after, last, Integer.MAX_VALUE);
        Map<String, Long> there = rowCrcs(polardb, table, after, last, Integer.MAX_VALUE);
        List<Difference> suspects = diff(here, there);
        if (!suspects.isEmpty()) {
            settle();
            here = rowCrcs(rds, table, after, last, Integer.MAX_VALUE);
            there = rowCrcs(polardb, table, after, last, Integer.MAX_VALUE);
        }
        Map<String, Long> onRds = here;
        Map<String, Long> onPolardb = there;
        long matching = onRds.keySet().stream().filter(k -> onRds.get(k).equals(onPolardb.get(k))).count();
        return new Chunk(Math.max(onRds.size(), onPolardb.size()), matching, diff(onRds, onPolardb), last);
    }

    private static List<Difference> diff(Map<String, Long> rds, Map<String, Long> polardb) {
        List<Difference> differences = new ArrayList<>();
        rds.forEach((k, crc) -> {
            Long other = polardb.get(k);
            if (other == null) {
                differences.add(new Difference(MysqlDataCheck.split(k), Kind.MISSING_ON_POLARDB));
            } else if (!other.equals(crc)) {
                differences.add(new Difference(MysqlDataCheck.split(k), Kind.DIFFERENT));
            }
        });
        polardb.keySet().stream().filter(k -> !rds.containsKey(k))
                .forEach(k -> differences.add(new Difference(MysqlDataCheck.split(k), Kind.MISSING_ON_RDS)));
        return differences;
    }

    /** Waits a moment, then while the link reports a latency, so in-flight rows arrive before the next read. */
    private void settle() {
        long deadline = System.nanoTime() + settle.multipliedBy(10).toNanos();
        try {
            Thread.sleep(settle.toMillis());
            while (lagSeconds.getAsLong() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(settle.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the link.");
        }
    }

    @Override
    public long lagSeconds() {
        return lagSeconds.getAsLong();
    }

    @Override
    public void close() {
        MysqlDataCheck.closeQuietly(rds);
        MysqlDataCheck.closeQuietly(polardb);
    }

    // --- reading: plain selects (nothing is written on either side) ---

    private long[] checksum(Connection c, TablePlan table, String range) throws SQLException {
        String sql = "select count(*), coalesce(bit_xor(" + MysqlDataCheck.rowCrc(columns.get(table.name()))
                + "), 0) from " + MysqlDataCheck.ident(table) + " where " + range;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Key (values joined by the unit separator) → row checksum, in key order, at most {@code limit} rows. */
    private SequencedMap<String, Long> rowCrcs(Connection c, TablePlan table, List<String> after, List<String> last,
                                               int limit)
            throws SQLException {
        List<String> cols = columns.containsKey(table.name()) ? columns.get(table.name())
                : MysqlDataCheck.columnsOf(c, new String[] {table.schema(), table.table()});
        String sql = "select concat_ws(char(31), " + MysqlDataCheck.columnList(table.key()) + "), "
                + MysqlDataCheck.rowCrc(cols) + " from " + MysqlDataCheck.ident(table) + " where "
                + MysqlDataCheck.range(table.key(), after, last) + " order by " + MysqlDataCheck.columnList(table.key())
                + (limit == Integer.MAX_VALUE ? "" : " limit " + limit);
        SequencedMap<String, Long> rows = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }
}
