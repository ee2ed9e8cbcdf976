package com.switchback.migration.mysql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One server of a pair, reached with its admin account. Every call opens a fresh connection and
 * reads live state: nothing is cached, so a decision is never taken on what a server used to be.
 * MariaDB (10.6+) and MySQL 8 differ in GTID and replication syntax; {@link Dialect} holds that.
 */
final class MysqlServer {

    private static final int CONNECT_TIMEOUT_MS = 3_000;
    private static final int SOCKET_TIMEOUT_MS = 15_000;

    enum Dialect { MARIADB, MYSQL }

    private final String label;
    private final MysqlProperties.Server config;

    MysqlServer(String label, MysqlProperties.Server config) {
        this.label = label;
        this.config = config;
    }

    /** "Source RDS" or "PolarDB". */
    String label() {
        return label;
    }

    MysqlProperties.Server config() {
        return config;
    }

    Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", config.user() == null ? "" : config.user());
        p.setProperty("password", config.password() == null ? "" : config.password());
        p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MS));
        p.setProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_MS));
        try {
            return DriverManager.getConnection("jdbc:mariadb://" + config.host() + ":" + config.port() + "/", p);
        } catch (SQLException e) {
            throw new SQLException(label + " (" + config.address() + ") is unreachable: " + e.getMessage(), e);
        }
    }

    static Dialect dialect(Connection c) throws SQLException {
        return text(c, "select version()").contains("MariaDB") ? Dialect.MARIADB : Dialect.MYSQL;
    }

    static boolean readOnly(Connection c) throws SQLException {
        return "1".equals(text(c, "select @@global.read_only"));
    }

    /**
     * Sets {@code read_only} and reads it back: the caller is told only what the server confirms. On
     * MySQL {@code super_read_only} goes with it, so accounts with SUPER or CONNECTION_ADMIN cannot
     * write either. (MariaDB has no such switch: accounts with READ_ONLY ADMIN are listed by the
     * pre-checks, and a position that moves after demotion undoes the action.)
     */
    static boolean setReadOnly(Connection c, Dialect d, boolean on) throws SQLException {
        if (d == Dialect.MYSQL) {
            execute(c, "set global super_read_only = " + (on ? "ON" : "OFF"));
        }
        execute(c, "set global read_only = " + (on ? "ON" : "OFF"));
        return readOnly(c);
    }

    /**
     * Accounts other than {@code ours} that can write while {@code read_only} is on: READ_ONLY ADMIN
     * on MariaDB (also SUPER before 10.11), SUPER or CONNECTION_ADMIN on MySQL (which
     * {@code super_read_only} stops). Those connected now are marked.
     */
    static List<String> bypassAccounts(Connection c, Dialect d, List<String> ours) throws SQLException {
        List<String> privileges = d == Dialect.MYSQL ? List.of("SUPER", "CONNECTION_ADMIN")
                : mariadbBefore1011(c) ? List.of("READ_ONLY ADMIN", "SUPER") : List.of("READ_ONLY ADMIN");
        Set<String> connected = new HashSet<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select distinct user from information_schema.processlist")) {
            while (rs.next()) {
                connected.add(rs.getString(1));
            }
        }
        List<String> accounts = new ArrayList<>();
        String in = privileges.stream().map(MysqlServer::quote).collect(Collectors.joining(","));
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select distinct grantee from information_schema.user_privileges where privilege_type in (" + in
                        + ") order by grantee")) {
            while (rs.next()) {
                String grantee = rs.getString(1);
                String user = grantee.substring(1, grantee.indexOf("'@"));
                if (!ours.contains(user) && !user.equals("mariadb.sys") && !user.equals("mysql.session")) {
                    accounts.add(grantee + (connected.contains(user) ? " (connected now)" : ""));
                }
            }
        }
        return accounts;
    }

    private static boolean mariadbBefore1011(Connection c) throws SQLException {
        String[] v = text(c, "select version()").split("[.-]");
        int major = Integer.parseInt(v[0]);
        int minor = Integer.parseInt(v[1]);
        return major < 10 || (major == 10 && minor < 11);
    }

    /** MariaDB: whether {@code gtid_strict_mode} is on, so a replica refuses an out-of-order GTID. */
    static boolean gtidStrictMode(Connection c) throws SQLException {
        return "1".equals(text(c, "select @@global.gtid_strict_mode"));
    }

    /**
     * Transactions on {@code replica} that its source never wrote (errant), empty when none. MariaDB
     * compares {@code gtid_binlog_state} (one GTID per domain and server); MySQL subtracts the
     * source's {@code gtid_executed}.
     */
    static String errantTransactions(Connection replica, Connection source, Dialect d) throws SQLException {
        if (d == Dialect.MYSQL) {
            try (var ps = replica.prepareStatement("select gtid_subtract(@@global.gtid_executed, ?)")) {
                ps.setString(1, text(source, "select @@global.gtid_executed"));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String v = rs.getString(1);
                    return v == null ? "" : v;
                }
            }
        }
        return GtidPosition.notIn(text(replica, "select @@global.gtid_binlog_state"),
                text(source, "select @@global.gtid_binlog_state"));
    }

    static Optional<ReplicaStatus> replica(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show replica status")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new ReplicaStatus(
                    "Yes".equalsIgnoreCase(column(rs, "Slave_IO_Running", "Replica_IO_Running")),
                    "Yes".equalsIgnoreCase(column(rs, "Slave_SQL_Running", "Replica_SQL_Running")),
                    secondsBehind(column(rs, "Seconds_Behind_Master", "Seconds_Behind_Source")),
                    column(rs, "Last_IO_Error", "Last_IO_Error"),
                    column(rs, "Last_SQL_Error", "Last_SQL_Error")));
        }
    }

    /** Every transaction this server has written to its binary log (its own and replicated ones). */
    static String writtenPosition(Connection c, Dialect d) throws SQLException {
        return text(c, d == Dialect.MARIADB ? "select @@global.gtid_binlog_pos" : "select @@global.gtid_executed");
    }

    /** Whether this server has applied every transaction of {@code position} (from the other server). */
    static boolean hasApplied(Connection c, Dialect d, String position) throws SQLException {
        if (d == Dialect.MARIADB) {
            return GtidPosition.parse(text(c, "select @@global.gtid_current_pos")).covers(GtidPosition.parse(position));
        }
        try (var ps = c.prepareStatement("select gtid_subset(?, @@global.gtid_executed)")) {
            ps.setString(1, position);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    /**
     * Blocks until this server has applied {@code position} or {@code max} passes, with the server's
     * own wait ({@code MASTER_GTID_WAIT} on MariaDB, {@code WAIT_FOR_EXECUTED_GTID_SET} on MySQL), so
     * the catch-up ends the moment the last transaction lands instead of at the next poll.
     */
    static boolean waitForGtid(Connection c, Dialect d, String position, java.time.Duration max) throws SQLException {
        if (position == null || position.isBlank()) {
            return true;
        }
        String sql = d == Dialect.MARIADB ? "select master_gtid_wait(?, ?)" : "select wait_for_executed_gtid_set(?, ?)";
        try (var ps = c.prepareStatement(sql)) {
            ps.setString(1, position);
            ps.setDouble(2, Math.max(0.001, max.toNanos() / 1e9));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 0;
            }
        }
    }

    /** What GTID replication needs here, or null when all is in place. */
    static String gtidProblem(Connection c, Dialect d) throws SQLException {
        if (!"1".equals(text(c, "select @@global.log_bin"))) {
            return "binary logging is off";
        }
        if (d == Dialect.MARIADB) {
            return "1".equals(text(c, "select @@global.log_slave_updates")) ? null : "log_slave_updates is off";
        }
        if (!"ON".equalsIgnoreCase(text(c, "select @@global.gtid_mode"))) {
            return "gtid_mode is not ON";
        }
        return "1".equals(text(c, "select @@global.log_replica_updates")) ? null : "log_replica_updates is off";
    }

    /** Stops replication here and forgets its source: the link is broken for good. */
    static void breakLink(Connection c, Dialect d) throws SQLException {
        if (d == Dialect.MARIADB) {
            execute(c, "stop slave");
            execute(c, "reset slave all");
        } else {
            execute(c, "stop replica");
            execute(c, "reset replica all");
        }
    }

    /**
     * Makes this server replicate from {@code source} by GTID, starting after everything it already
     * has (its own writes included), and starts the link.
     */
    static void replicateFrom(Connection c, Dialect d, MysqlProperties.Server source,
                              MysqlProperties.Account account) throws SQLException {
        String host = quote(source.linkHost());
        String user = quote(account.user());
        String password = quote(account.password() == null ? "" : account.password());
        if (d == Dialect.MARIADB) {
            execute(c, "stop slave");
            execute(c, "set global gtid_slave_pos = @@global.gtid_current_pos");
            execute(c, "change master to master_host = " + host + ", master_port = " + source.linkPort()
                    + ", master_user = " + user + ", master_password = " + password
                    + ", master_use_gtid = slave_pos");
            execute(c, "start slave");
        } else {
            execute(c, "stop replica");
            execute(c, "change replication source to source_host = " + host + ", source_port = " + source.linkPort()
                    + ", source_user = " + user + ", source_password = " + password
                    + ", source_auto_position = 1, get_source_public_key = 1");
            execute(c, "start replica");
        }
    }

    private static Integer secondsBehind(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value);
    }

    private static String column(ResultSet rs, String mariadb, String mysql) throws SQLException {
        try {
            return rs.getString(mariadb);
        } catch (SQLException e) {
            return rs.getString(mysql);
        }
    }

    static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            String v = rs.getString(1);
            return v == null ? "" : v;
        }
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A SQL string literal: replication statements take no bind parameters. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
