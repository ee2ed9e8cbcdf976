package com.switchback.migration.mysql;

import com.switchback.migration.RequestPlan.Check;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of the vendor's migration evaluation, as they apply to a self-managed pair, read from
 * the servers. They belong to the one registry of checks: shown on the cluster page, in every
 * plan, and enforced by the first step (a failure blocks; a warning is shown to the approver).
 * What fails: non-InnoDB tables, a binary log format other than ROW, the replication account
 * missing on a side, databases of the source missing on the destination. What only warns: tables
 * without a primary key, triggers, events, binary logs kept less than 7 days, no TLS on the link,
 * little free disk (or free disk not readable over SQL).
 */
final class MysqlReadiness {

    // Switchback's own checksum tables (Verify Data) are no part of the migrated data.
    private static final String USER_SCHEMAS = "not in ('mysql', 'information_schema', 'performance_schema', 'sys', '" + MysqlDataCheck.DB + "')";
    private static final long SEVEN_DAYS = 7 * 24 * 3600;

    private MysqlReadiness() {
    }

    /** Read from the source (RDS) and the destination (PolarDB) now. */
    static List<Check> of(MysqlPair pair) {
        List<Check> checks = new ArrayList<>();
        try (Connection rds = pair.rds().connect(); Connection polardb = pair.polardb().connect()) {
            checks.add(tablesWithoutPrimaryKey(rds));
            checks.add(nonInnoDbTables(rds));
            checks.add(named(rds, "Triggers", "select concat(trigger_schema, '.', trigger_name) from information_schema.triggers "
                    + "where trigger_schema " + USER_SCHEMAS,
                    "Make sure each does the same on PolarDB: with row-based replication they do not fire on the replica."));
            checks.add(named(rds, "Events", "select concat(event_schema, '.', event_name) from information_schema.events "
                    + "where event_schema " + USER_SCHEMAS,
                    "Disable them on the side that is not the writer, or they run on both sides after the switch."));
            for (Connection c : List.of(rds, polardb)) {
                String side = c == rds ? "Source RDS" : "PolarDB";
                checks.add(binlogFormat(c, side));
                checks.add(binlogRetention(c, side));
                checks.add(replicationAccount(c, side, pair.config().replication().user()));
            }
            checks.add(databasesOnDestination(rds, polardb));
            checks.add(linkTls(rds, polardb));
            checks.add(freeDisk(rds, polardb));
        } catch (SQLException | RuntimeException e) {
            checks.add(Check.fail("Readiness readable", e.getMessage(), "Make both servers reachable with the admin account."));
        }
        return checks;
    }

    private static Check tablesWithoutPrimaryKey(Connection c) throws SQLException {
        List<String> tables = list(c, """
                select concat(t.table_schema, '.', t.table_name) from information_schema.tables t
                left join information_schema.table_constraints k on k.table_schema = t.table_schema
                     and k.table_name = t.table_name and k.constraint_type = 'PRIMARY KEY'
                where t.table_type = 'BASE TABLE' and t.table_schema\s""" + USER_SCHEMAS + " and k.constraint_name is null");
        return tables.isEmpty() ? new Check("Tables without a primary key", true, "None")
                : Check.warn("Tables without a primary key", String.join(", ", tables),
                "Add a primary key to each: without one, every replicated change scans the table and the link falls behind.");
    }

    private static Check nonInnoDbTables(Connection c) throws SQLException {
        List<String> tables = list(c, "select concat(table_schema, '.', table_name, ' (', engine, ')') from information_schema.tables "
                + "where table_type = 'BASE TABLE' and engine <> 'InnoDB' and table_schema " + USER_SCHEMAS);
        return tables.isEmpty() ? new Check("Non-InnoDB tables", true, "None")
                : Check.fail("Non-InnoDB tables", String.join(", ", tables),
                "Convert each with ALTER TABLE … ENGINE=InnoDB: other engines are not transactional, so a switch can lose their writes.");
    }

    private static Check named(Connection c, String name, String sql, String fix) throws SQLException {
        List<String> found = list(c, sql);
        return found.isEmpty() ? new Check(name, true, "None") : Check.warn(name, String.join(", ", found), fix);
    }

    private static Check binlogFormat(Connection c, String side) throws SQLException {
        String format = MysqlServer.text(c, "select @@global.binlog_format");
        return "ROW".equalsIgnoreCase(format) ? new Check("binlog_format on " + side, true, "ROW")
                : Check.fail("binlog_format on " + side, format,
                "Set binlog_format=ROW (globally and in the configuration file): statement-based logs can replay differently.");
    }

    private static Check binlogRetention(Connection c, String side) throws SQLException {
        long seconds = retentionSeconds(c);
        String name = "Binary log retention on " + side;
        if (seconds == 0) {
            return new Check(name, true, "Kept until removed by hand");
        }
        String kept = seconds % 86_400 == 0 ? seconds / 86_400 + " days" : seconds + " s";
        return seconds >= SEVEN_DAYS ? new Check(name, true, kept)
                : Check.warn(name, kept, "Keep binary logs at least 7 days (binlog_expire_logs_seconds=604800), so a link "
                + "that stops can resume instead of being rebuilt.");
    }

    private static long retentionSeconds(Connection c) throws SQLException {
        try {
            return Long.parseLong(MysqlServer.text(c, "select @@global.binlog_expire_logs_seconds"));
        } catch (SQLException e) {
            return Long.parseLong(MysqlServer.text(c, "select @@global.expire_logs_days")) * 86_400;
        }
    }

    private static Check replicationAccount(Connection c, String side, String user) throws SQLException {
        try (var ps = c.prepareStatement("select count(*) from mysql.user where user = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0 ? new Check("Replication account on " + side, true, user + " exists")
                        : Check.fail("Replication account on " + side, user + " is missing",
                        "Create it on " + side + " with REPLICATION SLAVE: after a switch the other side replicates from here.");
            }
        }
    }

    private static Check databasesOnDestination(Connection rds, Connection polardb) throws SQLException {
        String sql = "select schema_name from information_schema.schemata where schema_name " + USER_SCHEMAS;
        Set<String> missing = new TreeSet<>(list(rds, sql));
        missing.removeAll(list(polardb, sql));
        return missing.isEmpty() ? new Check("Databases on PolarDB", true, "Every database of the source exists")
                : Check.fail("Databases on PolarDB", "Missing: " + String.join(", ", missing),
                "Create them, with their data, on PolarDB before the switch.");
    }

    private static Check linkTls(Connection rds, Connection polardb) throws SQLException {
        for (Connection c : List.of(polardb, rds)) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show replica status")) {
                if (rs.next()) {
                    boolean tls = "Yes".equalsIgnoreCase(rs.getString("Master_SSL_Allowed"));
                    return tls ? new Check("TLS on the link", true, "The link uses TLS")
                            : Check.warn("TLS on the link", "The link does not use TLS",
                            "Set MASTER_SSL=1 on the link so replicated data is encrypted in transit.");
                }
            }
        }
        return new Check("TLS on the link", true, "No link to check");
    }

    /** MariaDB's DISKS plugin tells the free space where it is installed; otherwise it cannot be read over SQL. */
    private static Check freeDisk(Connection rds, Connection polardb) {
        List<String> low = new ArrayList<>();
        for (Connection c : List.of(rds, polardb)) {
            String side = c == rds ? "Source RDS" : "PolarDB";
            try {
                for (String row : list(c, "select concat(disk, ' ', round(100 * available / total), '% free') "
                        + "from information_schema.disks where available < total / 10")) {
                    low.add(side + ": " + row);
                }
            } catch (SQLException e) {
                return Check.warn("Free disk", "Not readable over SQL (MariaDB's DISKS plugin is not installed)",
                        "Check that both servers have room for the binary logs the switch keeps, or install the DISKS plugin.");
            }
        }
        return low.isEmpty() ? new Check("Free disk", true, "At least 10% free on every disk")
                : Check.warn("Free disk", String.join(", ", low), "Free space before the switch: binary logs grow during it.");
    }

    private static List<String> list(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
