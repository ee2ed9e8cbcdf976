package com.switchback.migration.mysql;

import com.switchback.migration.ActionRules;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.RequestPlan.Check;
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
        boolean needsHaproxy = swapEndpoints;
        checks.add(new Check("HAProxy reachable", r.haproxyError() == null || !needsHaproxy,
                r.haproxyError() == null ? "Runtime API at " + pair.haproxy().address() + " answered"
                        : r.haproxyError() + (needsHaproxy ? "" : " (not needed: the endpoints stay as they are)")));
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
