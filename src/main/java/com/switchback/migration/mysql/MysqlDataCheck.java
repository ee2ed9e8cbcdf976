package com.switchback.migration.mysql;

import com.switchback.base.ActionRefusedException;
import com.switchback.migration.DataCheck;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares a pair's data the way pt-table-checksum does (DD015): each chunk's checksum statement
 * runs on the writer in statement format, so the replica computes the same statement when it
 * applies it — both sides read at the same point of the replication stream while writes go on.
 * A chunk that differs is computed again after a short wait, then row by row (each row's key and
 * checksum, by the same statement trick). Tables missing on one side are listed from the other,
 * never with a statement that would stop the replica.
 */
final class MysqlDataCheck implements DataCheck {

    static final String DB = "switchback_verify";
    private static final Set<String> SYSTEM = Set.of("mysql", "information_schema", "performance_schema", "sys", DB);
    private static final char KEY_SEPARATOR = 31;

    private final Connection source;
    private final Connection replica;
    private final Side sourceSide;
    private final String run = HexFormat.of().formatHex(java.security.SecureRandom.getSeed(8));
    private final Duration applyTimeout;
    private final Duration recheckAfter;
    private final Map<String, List<String>> columns = new HashMap<>();
    private long seq;

    private MysqlDataCheck(Connection source, Connection replica, Side sourceSide, Duration applyTimeout,
                           Duration recheckAfter) {
        this.source = source;
        this.replica = replica;
        this.sourceSide = sourceSide;
        this.applyTimeout = applyTimeout;
        this.recheckAfter = recheckAfter;
    }

    static MysqlDataCheck open(MysqlPair pair, Duration applyTimeout, Duration recheckAfter) {
        Connection rds = null;
        Connection polardb = null;
        try {
            rds = pair.rds().connect();
            polardb = pair.polardb().connect();
            Side source = direction(rds, polardb);
            if (source == null) {
                throw new ActionRefusedException("refusal.noLink");
            }
            Connection writer = source == Side.RDS ? rds : polardb;
            Connection reader = source == Side.RDS ? polardb : rds;
            // Statement format for this session only: the replica must run the checksum, not copy its result.
            MysqlServer.execute(writer, "set session binlog_format = 'STATEMENT'");
            MysqlServer.execute(writer, "create database if not exists " + DB);
            MysqlServer.execute(writer, "create table if not exists " + DB + ".chunk (run varchar(32) not null, "
                    + "seq bigint not null, db varchar(64) not null, tbl varchar(64) not null, cnt bigint not null, "
                    + "crc bigint unsigned not null, primary key (run, seq)) engine = InnoDB");
            MysqlServer.execute(writer, "create table if not exists " + DB + ".row_crc (run varchar(32) not null, "
                    + "seq bigint not null, k varchar(3072) not null, crc bigint unsigned not null, "
                    + "key (run, seq)) engine = InnoDB");
            return new MysqlDataCheck(writer, reader, source, applyTimeout, recheckAfter);
        } catch (SQLException e) {
            closeQuietly(rds);
            closeQuietly(polardb);
            throw new IllegalStateException("Could not open both sides for Verify Data: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(rds);
            closeQuietly(polardb);
            throw e;
        }
    }

    /** The side that writes (the source of the running link), or null when neither replicates from the other. */
    private static Side direction(Connection rds, Connection polardb) throws SQLException {
        if (MysqlServer.replica(polardb).map(ReplicaStatus::running).orElse(false)) {
            return Side.RDS;
        }
        if (MysqlServer.replica(rds).map(ReplicaStatus::running).orElse(false)) {
            return Side.POLARDB;
        }
        return null;
    }

    private Side replicaSide() {
        return sourceSide == Side.RDS ? Side.POLARDB : Side.RDS;
    }

    @Override
    public List<TablePlan> tables() {
        try {
            Map<String, Long> onSource = baseTables(source);
            // The replica's list once it has applied all the writer had written: a table created or dropped
            // just now is not taken for one missing on a side.
            MysqlServer.Dialect dialect = MysqlServer.dialect(source);
            MysqlServer.waitForGtid(replica, dialect, MysqlServer.writtenPosition(source, dialect),
                    applyTimeout.compareTo(Duration.ofSeconds(10)) < 0 ? applyTimeout : Duration.ofSeconds(10));
            tableOrder = plans(source, sourceSide, onSource, replica, replicaSide(), baseTables(replica), columns);
            return tableOrder;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the tables: " + e.getMessage(), e);
        }
    }

    /**
     * The tables of both sides ({@code onFirst}, {@code onSecond}: as {@link #baseTables} lists them), in one order: each with its key (or why it cannot be compared), the
     * columns of each comparable one put in {@code columns}, and the tables one side lacks, listed
     * from the side that has them. Shared by both ways of comparing (this one and {@link DirectDataCheck}).
     */
    static List<TablePlan> plans(Connection first, Side firstSide, Map<String, Long> onFirst, Connection second,
                                 Side secondSide, Map<String, Long> onSecond, Map<String, List<String>> columns)
            throws SQLException {
        List<TablePlan> plans = new ArrayList<>();
        for (var t : onFirst.entrySet()) {
            String[] name = t.getKey().split("\\.", 2);
            if (!onSecond.containsKey(t.getKey())) {
                plans.add(listedFrom(first, name, t.getValue(), secondSide));
                continue;
            }
            List<String> here = columnsOf(first, name);
            List<String> there = columnsOf(second, name);
            List<String> key = keyOf(first, name);
            String reason = key.isEmpty() ? "No primary key and no unique key of non-null columns: rows cannot be "
                    + "told apart." : !here.equals(there) ? "The columns differ: " + firstSide.name() + " has "
                    + here + ", " + secondSide.name() + " has " + there + "." : null;
            columns.put(t.getKey(), here);
            plans.add(new TablePlan(name[0], name[1], reason == null ? key : List.of(), t.getValue(), reason, null));
        }
        for (var t : onSecond.entrySet()) {
            if (!onFirst.containsKey(t.getKey())) {
                plans.add(listedFrom(second, t.getKey().split("\\.", 2), t.getValue(), firstSide));
            }
        }
        return List.copyOf(plans);
    }

    /** A table one side lacks: its rows are listed from the side that has it. */
    private static TablePlan listedFrom(Connection c, String[] name, long rows, Side missingOn) throws SQLException {
        List<String> key = keyOf(c, name);
        return new TablePlan(name[0], name[1], key, rows, key.isEmpty() ? "Missing on " + missingOn.name()
                + ", and without a key its rows cannot be listed." : null, missingOn);
    }

    /** Chunks larger than this are compared in parts of this size when they differ, before row by row. */
    static final int ROW_BY_ROW_ROWS = 10_000;

    /** A chunk whose checksum statement has run on the writer: the replica computes it as it applies it. */
    private record Issued(TablePlan table, List<String> after, List<String> last, String range, long seq, long[] here) {
    }

    /** The next chunk, issued on the writer before waiting for the replica's result of the current one. */
    private Issued ahead;
    /** The tables in the order they are compared, so the next table's first chunk can be issued ahead too. */
    private List<TablePlan> tableOrder = List.of();

    @Override
    public Chunk compare(TablePlan table, List<String> after, int rows) {
        try {
            if (table.missingOn() != null) {
                return listMissing(table, after, rows);
            }
            Issued current = ahead != null && ahead.table().name().equals(table.name())
                    && java.util.Objects.equals(ahead.after(), after) ? ahead : issue(table, after, rows);
            // One chunk ahead: the writer computes the next chunk while the replica computes this one.
            ahead = current.last() != null ? issue(table, current.last(), rows) : firstOfNextTable(table, rows);
            long[] there = awaitChunkRow(current.seq());
            if (current.here()[0] == there[0] && current.here()[1] == there[1]) {
                return new Chunk(there[0], there[0], List.of(), current.last());
            }
            return differing(table, current.after(), current.last(), current.range());
        } catch (SQLException e) {
            throw new IllegalStateException("Comparing " + table.name() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while comparing " + table.name() + ".");
        }
    }

    /** The first chunk of the table compared after {@code table}, issued ahead; null when there is none to issue. */
    private Issued firstOfNextTable(TablePlan table, int rows) throws SQLException {
        int at = tableOrder.stream().map(TablePlan::name).toList().indexOf(table.name());
        for (int i = at + 1; at >= 0 && i < tableOrder.size(); i++) {
            TablePlan next = tableOrder.get(i);
            if (next.checkable()) {
                // A table one side lacks is listed, never named in a replicated statement.
                return next.missingOn() == null ? issue(next, null, rows) : null;
            }
        }
        return null;
    }

    /** Runs the chunk's checksum statement on the writer and reads the writer's result. */
    private Issued issue(TablePlan table, List<String> after, int rows) throws SQLException {
        List<String> last = lastOfChunk(source, table, after, rows);
        String range = range(table.key(), after, last);
        long s = checksumStatement(table, range);
        return new Issued(table, after, last, range, s, chunkRow(source, s));
    }

    /**
     * A chunk whose checksums differ: computed again after a short wait (a transaction in flight);
     * if it still differs, a large chunk is compared in parts, and each differing part row by row.
     */
    private Chunk differing(TablePlan table, List<String> after, List<String> last, String range)
            throws SQLException, InterruptedException {
        Thread.sleep(recheckAfter.toMillis());
        long[] sums = checksum(table, range);
        if (sums[0] == sums[2] && sums[1] == sums[3]) {
            return new Chunk(sums[0], sums[0], List.of(), last);
        }
        if (Math.max(sums[0], sums[2]) <= ROW_BY_ROW_ROWS) {
            return rowByRow(table, range, last);
        }
        long rows = 0;
        long matching = 0;
        List<Difference> differences = new ArrayList<>();
        List<String> from = after;
        boolean more = true;
        while (more) {
            List<String> partLast = lastOfChunk(source, table, from, ROW_BY_ROW_ROWS);
            // A part ends at the chunk's end at the latest (its last key, or the table's end).
            if (partLast == null || last != null && !sortsBefore(table, partLast, last)) {
                partLast = last;
                more = false;
            }
            String partRange = range(table.key(), from, partLast);
            long[] part = checksum(table, partRange);
            Chunk c = part[0] == part[2] && part[1] == part[3] ? new Chunk(part[0], part[0], List.of(), partLast)
                    : rowByRow(table, partRange, partLast);
            rows += c.rows();
            matching += c.matching();
            differences.addAll(c.differences());
            from = partLast;
        }
        return new Chunk(rows, matching, differences, last);
    }

    /** Whether the row with key {@code a} sorts before key {@code b}, as the table's own columns compare. */
    private boolean sortsBefore(TablePlan table, List<String> a, List<String> b) throws SQLException {
        String sql = "select 1 from " + ident(table) + " where " + equal(table.key(), a) + " and not "
                + compare(table.key(), b, ">") + " and not " + equal(table.key(), b) + " limit 1";
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next();
        }
    }

    private static String equal(List<String> key, List<String> values) {
        List<String> ands = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            ands.add(quoteName(key.get(i)) + " = " + MysqlServer.quote(values.get(i)));
        }
        return "(" + String.join(" and ", ands) + ")";
    }

    /** {source count, source crc, replica count, replica crc} of the range, read at one point of the stream. */
    private long[] checksum(TablePlan table, String range) throws SQLException {
        long s = checksumStatement(table, range);
        long[] here = chunkRow(source, s);
        long[] there = awaitChunkRow(s);
        return new long[] {here[0], here[1], there[0], there[1]};
    }

    /** The checksum statement, on the writer in statement format; returns its sequence number. */
    private long checksumStatement(TablePlan table, String range) throws SQLException {
        long s = ++seq;
        MysqlServer.execute(source, "replace into " + DB + ".chunk (run, seq, db, tbl, cnt, crc) select "
                + MysqlServer.quote(run) + ", " + s + ", " + MysqlServer.quote(table.schema()) + ", "
                + MysqlServer.quote(table.table()) + ", count(*), coalesce(bit_xor(" + rowCrc(table) + "), 0) from "
                + ident(table) + " where " + range);
        return s;
    }

    /** Each row's key and checksum on both sides (same statement trick), then compared key by key. */
    private Chunk rowByRow(TablePlan table, String range, List<String> last) throws SQLException {
        long s = ++seq;
        MysqlServer.execute(source, "insert into " + DB + ".row_crc (run, seq, k, crc) select " + MysqlServer.quote(run)
                + ", " + s + ", concat_ws(char(31), " + columnList(table.key()) + "), " + rowCrc(table) + " from "
                + ident(table) + " where " + range);
        checksum(table, range); // a marker: once the replica has it, it has applied the rows before it
        Map<String, Long> here = rowCrcs(source, s);
        Map<String, Long> there = rowCrcs(replica, s);
        MysqlServer.execute(source, "delete from " + DB + ".row_crc where run = " + MysqlServer.quote(run)
                + " and seq = " + s);
        List<Difference> differences = new ArrayList<>();
        long matching = 0;
        for (var e : here.entrySet()) {
            Long other = there.get(e.getKey());
            if (other == null) {
                differences.add(new Difference(split(e.getKey()), missingKind(replicaSide())));
            } else if (!other.equals(e.getValue())) {
                differences.add(new Difference(split(e.getKey()), Kind.DIFFERENT));
            } else {
                matching++;
            }
        }
        for (String k : there.keySet()) {
            if (!here.containsKey(k)) {
                differences.add(new Difference(split(k), missingKind(sourceSide)));
            }
        }
        return new Chunk(Math.max(here.size(), there.size()), matching, differences, last);
    }

    /** The keys of a chunk of a table one side lacks: each row is missing there. */
    private Chunk listMissing(TablePlan table, List<String> after, int rows) throws SQLException {
        Connection has = table.missingOn() == sourceSide ? replica : source;
        List<List<String>> keys = keys(has, table, after, rows);
        List<Difference> differences = keys.stream()
                .map(k -> new Difference(k, missingKind(table.missingOn()))).toList();
        return new Chunk(keys.size(), 0, differences, keys.size() < rows ? null : keys.getLast());
    }

    private static Kind missingKind(Side side) {
        return side == Side.RDS ? Kind.MISSING_ON_RDS : Kind.MISSING_ON_POLARDB;
    }

    @Override
    public long lagSeconds() {
        try {
            return MysqlServer.replica(replica).map(r -> r.secondsBehind() == null ? -1L : r.secondsBehind().longValue())
                    .orElse(-1L);
        } catch (SQLException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            MysqlServer.execute(source, "delete from " + DB + ".chunk where run = " + MysqlServer.quote(run));
            MysqlServer.execute(source, "delete from " + DB + ".row_crc where run = " + MysqlServer.quote(run));
        } catch (SQLException e) {
            // Left rows are only checksums, removed by the next run of this node's clean-up.
        }
        closeQuietly(source);
        closeQuietly(replica);
    }

    // --- reading ---

    /** The last key of the chunk after {@code after}, or null when the rest of the table is this chunk. */
    static List<String> lastOfChunk(Connection source, TablePlan table, List<String> after, int rows)
            throws SQLException {
        // Two rows at the boundary: when there is no row after it, this chunk is the table's rest (no empty chunk after).
        String sql = "select " + columnList(table.key()) + " from " + ident(table)
                + (after == null ? "" : " where " + range(table.key(), after, null))
                + " order by " + columnList(table.key()) + " limit 2 offset " + (rows - 1);
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            List<String> last = values(rs, table.key().size());
            return rs.next() ? last : null;
        }
    }

    private List<List<String>> keys(Connection c, TablePlan table, List<String> after, int rows) throws SQLException {
        String sql = "select " + columnList(table.key()) + " from " + ident(table)
                + (after == null ? "" : " where " + range(table.key(), after, null))
                + " order by " + columnList(table.key()) + " limit " + rows;
        List<List<String>> keys = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                keys.add(values(rs, table.key().size()));
            }
        }
        return keys;
    }

    static List<String> values(ResultSet rs, int n) throws SQLException {
        List<String> v = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            v.add(rs.getString(i));
        }
        return v;
    }

    private long[] chunkRow(Connection c, long s) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select cnt, crc from " + DB
                + ".chunk where run = " + MysqlServer.quote(run) + " and seq = " + s)) {
            return rs.next() ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
        }
    }

    private long[] awaitChunkRow(long s) throws SQLException {
        long deadline = System.nanoTime() + applyTimeout.toNanos();
        int waits = 0;
        while (true) {
            long[] row = chunkRow(replica, s);
            if (row != null) {
                return row;
            }
            var status = MysqlServer.replica(replica);
            if (status.isEmpty() || !status.get().running()) {
                throw new IllegalStateException("The replica stopped replicating"
                        + status.map(r -> r.error() == null ? "" : ": " + r.error()).orElse("") + ".");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The replica did not apply the checksum within "
                        + applyTimeout.toSeconds() + " s (lag " + lagSeconds() + " s).");
            }
            try {
                // A replica that keeps up applies the statement within milliseconds: ask often at first.
                Thread.sleep(waits++ < 50 ? 2 : 20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the replica.");
            }
        }
    }

    private Map<String, Long> rowCrcs(Connection c, long s) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select k, crc from " + DB
                + ".row_crc where run = " + MysqlServer.quote(run) + " and seq = " + s)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getLong(2));
            }
        }
        return rows;
    }

    static Map<String, Long> baseTables(Connection c) throws SQLException {
        Map<String, Long> tables = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select table_schema, table_name, coalesce(table_rows, 0) from information_schema.tables
                where table_type = 'BASE TABLE' order by table_schema, table_name""")) {
            while (rs.next()) {
                if (!SYSTEM.contains(rs.getString(1).toLowerCase(java.util.Locale.ROOT))) {
                    tables.put(rs.getString(1) + "." + rs.getString(2), rs.getLong(3));
                }
            }
        }
        return tables;
    }

    static List<String> columnsOf(Connection c, String[] name) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select column_name, column_type from information_schema.columns where table_schema = "
                        + MysqlServer.quote(name[0]) + " and table_name = " + MysqlServer.quote(name[1])
                        + " order by ordinal_position")) {
            while (rs.next()) {
                cols.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return cols;
    }

    /** The primary key, else the first unique key whose columns are all non-null; empty when none. */
    static List<String> keyOf(Connection c, String[] name) throws SQLException {
        Map<String, List<String>> unique = new LinkedHashMap<>();
        Map<String, Boolean> usable = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select s.index_name, s.column_name, c.is_nullable from information_schema.statistics s
                join information_schema.columns c on c.table_schema = s.table_schema and c.table_name = s.table_name
                  and c.column_name = s.column_name
                where s.table_schema = %s and s.table_name = %s and s.non_unique = 0
                order by s.index_name = 'PRIMARY' desc, s.index_name, s.seq_in_index"""
                .formatted(MysqlServer.quote(name[0]), MysqlServer.quote(name[1])))) {
            while (rs.next()) {
                unique.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                usable.merge(rs.getString(1), "NO".equalsIgnoreCase(rs.getString(3)), Boolean::logicalAnd);
            }
        }
        return unique.entrySet().stream().filter(e -> usable.get(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(List.of());
    }

    // --- writing SQL: every value a quoted literal, every name a quoted identifier ---

    /** Each row as one canonical text: its values joined, and which of them are NULL (so NULL differs from ''). */
    private String rowCrc(TablePlan table) {
        return rowCrc(columns.getOrDefault(table.name(), List.of()));
    }

    /** The checksum of one row from its columns as {@link #columnsOf} gives them ("name type"). */
    static String rowCrc(List<String> columnsWithTypes) {
        List<String> cols = columnsWithTypes.stream().map(c -> c.substring(0, c.indexOf(' '))).toList();
        String nulls = cols.stream().map(c -> "isnull(" + quoteName(c) + ")").collect(Collectors.joining(", "));
        return "crc32(concat_ws('#', " + columnList(cols) + ", concat(" + nulls + ")))";
    }

    /** Rows after {@code after} (exclusive) up to {@code last} (inclusive); either may be null (open). */
    static String range(List<String> key, List<String> after, List<String> last) {
        List<String> parts = new ArrayList<>();
        if (after != null) {
            parts.add(compare(key, after, ">"));
        }
        if (last != null) {
            parts.add("not " + compare(key, last, ">"));
        }
        return parts.isEmpty() ? "1 = 1" : String.join(" and ", parts);
    }

    /** {@code (k1, k2) op (v1, v2)} spelled out, so an index can serve it on every server version. */
    private static String compare(List<String> key, List<String> values, String op) {
        List<String> ors = new ArrayList<>();
        for (int i = 0; i < key.size(); i++) {
            List<String> ands = new ArrayList<>();
            for (int j = 0; j < i; j++) {
                ands.add(quoteName(key.get(j)) + " = " + MysqlServer.quote(values.get(j)));
            }
            ands.add(quoteName(key.get(i)) + " " + op + " " + MysqlServer.quote(values.get(i)));
            ors.add("(" + String.join(" and ", ands) + ")");
        }
        return "(" + String.join(" or ", ors) + ")";
    }

    static String columnList(List<String> cols) {
        return cols.stream().map(MysqlDataCheck::quoteName).collect(Collectors.joining(", "));
    }

    static String ident(TablePlan t) {
        return quoteName(t.schema()) + "." + quoteName(t.table());
    }

    static String quoteName(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    static List<String> split(String key) {
        return List.of(key.split(String.valueOf(KEY_SEPARATOR), -1));
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing: nothing to do
            }
        }
    }
}
