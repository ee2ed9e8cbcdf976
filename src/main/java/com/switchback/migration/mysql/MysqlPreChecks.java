package com.switchback.migration.mysql;

import com.switchback.migration.ActionRules;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.RequestPlan.Check;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What must hold on the servers before an action may start: both reachable, the link it relies on
 * running without error and close to its source, GTID replication usable, HAProxy reachable when
 * the endpoints will move. Shown in the plan, and enforced by the first step of every action.
 */
final class MysqlPreChecks {

    private MysqlPreChecks() {
    }

    static List<Check> of(MysqlPair pair, PairReading r, MigrationAction action, boolean swapEndpoints) {
        List<Check> checks = new ArrayList<>();
        for (SideReading side : List.of(r.rds(), r.polardb())) {
            checks.add(new Check(side.label() + " reachable", side.reachable(),
                    side.reachable() ? "Read just now" : side.error()));
        }
        boolean gtidOk = r.rds().reachable() && r.polardb().reachable()
                && r.rds().gtidProblem() == null && r.polardb().gtidProblem() == null;
        checks.add(new Check("GTID replication usable", gtidOk, gtidOk ? "Binary logs and GTID in place on both servers"
                : List.of(r.rds(), r.polardb()).stream().filter(s -> s.reachable() && s.gtidProblem() != null)
                        .map(s -> s.label() + ": " + s.gtidProblem()).findFirst().orElse("Not readable")));
        checks.add(link(r, action));
        if (r.rds().reachable() && r.polardb().reachable()) {
            checks.addAll(gtidSafety(pair, action));
            if (action == MigrationAction.SWITCH_OVER || action == MigrationAction.ROLL_BACK) {
                checks.addAll(MysqlReadiness.of(pair));
            }
        }
        boolean needsHaproxy = swapEndpoints;
        checks.add(new Check("HAProxy reachable", r.haproxyError() == null || !needsHaproxy,
                r.haproxyError() == null ? "Runtime API at " + pair.haproxy().address() + " answered"
                        : r.haproxyError() + (needsHaproxy ? "" : " (not needed: the endpoints stay as they are)")));
        return checks;
    }

    /**
     * The readiness report of a pair, whatever the action: GTID settings, errant transactions, the
     * accounts that bypass read_only, and the vendor's evaluation ({@link MysqlReadiness}).
     */
    static List<Check> readiness(MysqlPair pair) {
        PairReading r = pair.read();
        List<Check> checks = new ArrayList<>();
        for (SideReading side : List.of(r.rds(), r.polardb())) {
            if (!side.reachable()) {
                checks.add(Check.fail(side.label() + " reachable", side.error(), "Make it reachable with the admin account."));
            } else if (side.gtidProblem() != null) {
                checks.add(Check.fail("GTID on " + side.label(), side.gtidProblem(),
                        "Enable binary logging and log_slave_updates (and gtid_mode on MySQL) on both servers."));
            }
        }
        if (r.rds().reachable() && r.polardb().reachable()) {
            checks.add(new Check("GTID replication usable", true, "Binary logs and GTID in place on both servers"));
            checks.addAll(gtidSafety(pair, MigrationAction.SWITCH_OVER));
            checks.addAll(MysqlReadiness.of(pair));
        }
        return checks;
    }

    /**
     * What keeps the GTID comparison honest: MariaDB's strict mode on both servers, no transaction on
     * the side to be promoted that its source never wrote, and (a warning) the accounts that can write
     * on a read-only side.
     */
    private static List<Check> gtidSafety(MysqlPair pair, MigrationAction action) {
        List<Check> checks = new ArrayList<>();
        List<String> ours = List.of(pair.config().rds().user(), pair.config().polardb().user(),
                pair.config().replication().user());
        try (Connection rds = pair.rds().connect(); Connection polardb = pair.polardb().connect()) {
            var dialect = MysqlServer.dialect(rds);
            if (dialect == MysqlServer.Dialect.MARIADB) {
                boolean strict = MysqlServer.gtidStrictMode(rds) && MysqlServer.gtidStrictMode(polardb);
                checks.add(new Check("gtid_strict_mode on both servers", strict, strict
                        ? "On: a replica refuses a transaction out of order"
                        : "Off on " + (MysqlServer.gtidStrictMode(rds) ? "PolarDB" : "Source RDS")
                          + ": set gtid_strict_mode=ON on both servers (and in their configuration files)."));
            }
            if (action == MigrationAction.SWITCH_OVER || action == MigrationAction.ROLL_BACK) {
                boolean toPolardb = action == MigrationAction.SWITCH_OVER;
                String errant = toPolardb ? MysqlServer.errantTransactions(polardb, rds, dialect)
                        : MysqlServer.errantTransactions(rds, polardb, dialect);
                String promoted = toPolardb ? "PolarDB" : "Source RDS";
                checks.add(new Check("No errant transactions on " + promoted, errant.isEmpty(), errant.isEmpty()
                        ? "Every transaction on " + promoted + " came from the other side"
                        : promoted + " has transactions the other side never wrote (" + errant + "): reconcile them "
                          + "(or inject empty transactions on the other side) before the switch."));
            }
            for (var side : List.of(pair.rds(), pair.polardb())) {
                List<String> bypass = pair.on(side, (c, d) -> MysqlServer.bypassAccounts(c, d, ours));
                checks.add(bypass.isEmpty()
                        ? new Check("Accounts that bypass read_only on " + side.label(), true, "None besides Switchback's own")
                        : Check.warn("Accounts that bypass read_only on " + side.label(), String.join(", ", bypass)
                          + " can write while it is read-only",
                          "Keep them idle during the action: a write after the demotion undoes it."));
            }
        } catch (SQLException | RuntimeException e) {
            checks.add(new Check("GTID safety readable", false, e.getMessage()));
        }
        return checks;
    }

    /** The link the action starts from: Switch Over and Cancel start from RDS → PolarDB, the others from the reverse. */
    private static Check link(PairReading r, MigrationAction action) {
        boolean forward = action == MigrationAction.SWITCH_OVER || action == MigrationAction.CANCEL;
        SideReading replica = forward ? r.polardb() : r.rds();
        Optional<ReplicaStatus> link = replica.replica();
        boolean mustCatchUp = action == MigrationAction.SWITCH_OVER || action == MigrationAction.ROLL_BACK;
        String name = "Replication link " + (forward ? "RDS → PolarDB" : "PolarDB → RDS");
        if (link.isEmpty()) {
            return new Check(name, !mustCatchUp, replica.reachable() ? replica.label() + " does not replicate"
                    : "Not readable");
        }
        ReplicaStatus s = link.get();
        if (s.error() != null || !s.running()) {
            String why = s.error() != null ? s.error()
                    : "not running (IO thread " + (s.ioRunning() ? "Yes" : "No") + ", SQL thread "
                    + (s.sqlRunning() ? "Yes" : "No") + ")";
            return new Check(name, !mustCatchUp, why);
        }
        if (mustCatchUp && (s.secondsBehind() == null || s.secondsBehind() >= ActionRules.MAX_SWITCH_OVER_LATENCY_SECONDS)) {
            return new Check(name, false, "latency " + (s.secondsBehind() == null ? "not measured" : s.secondsBehind() + " s")
                    + ": must be under " + ActionRules.MAX_SWITCH_OVER_LATENCY_SECONDS + " s");
        }
        return new Check(name, true, "IO and SQL threads running, latency " + s.secondsBehind() + " s");
    }
}
