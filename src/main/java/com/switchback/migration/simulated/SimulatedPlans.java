package com.switchback.migration.simulated;

import static com.switchback.migration.ReadWriteMode.ro;
import static com.switchback.migration.ReadWriteMode.rw;

import com.switchback.migration.ActionRules;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.MigrationStep;
import com.switchback.migration.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * The steps of each action on a simulated pair, in the order ARCHITECTURE §1 gives. The order
 * is the safety: the side being demoted is made read-only and read back, the other side is
 * caught up to its last transaction, and only then is the other side made writable.
 */
final class SimulatedPlans {

    private final SimulatedFaults faults;
    private final StepClock clock;

    /** Sleeps for the simulated duration of a step. */
    interface StepClock {
        void pass() throws InterruptedException;
    }

    SimulatedPlans(SimulatedFaults faults, StepClock clock) {
        this.faults = faults;
        this.clock = clock;
    }

    List<MigrationStep> plan(SimulatedCluster c, MigrationAction action, boolean swap) {
        List<MigrationStep> steps = new ArrayList<>();
        steps.add(precheck(c, action));
        switch (action) {
            case SWITCH_OVER -> {
                steps.add(status(c, "begin", MigrationStatus.SWITCHING));
                steps.add(step(c, "rds-read-only", "Set Source RDS read-only and read it back",
                        () -> c.rdsMode == ro, () -> {
                            c.setRdsMode(ro);
                            return "Source RDS reads back as Read Only.";
                        }));
                steps.add(catchUp(c, "polardb-caught-up",
                        "Wait until PolarDB has applied every RDS transaction (GTID)", Topology.RDS2POLARDB));
                steps.add(step(c, "polardb-read-write", "Set PolarDB read-write",
                        () -> c.clusterMode == rw, () -> {
                            requireReadOnlyAndCaughtUp(c, c.rdsMode, "Source RDS");
                            c.setClusterMode(rw);
                            return "PolarDB reads back as Read/Write.";
                        }));
                steps.add(link(c, "reverse-link", "Reverse the replication link (PolarDB → RDS)", Topology.POLARDB2RDS));
                if (swap) {
                    steps.add(endpoints(c, "swap-endpoints", "Swap the endpoints of RDS and PolarDB", true));
                }
                steps.add(status(c, "finish", MigrationStatus.POLARDB2RDS_SYNCING));
            }
            case ROLL_BACK -> {
                steps.add(status(c, "begin", MigrationStatus.ROLLBACK));
                steps.add(step(c, "polardb-read-only", "Set PolarDB read-only and read it back",
                        () -> c.clusterMode == ro, () -> {
                            c.setClusterMode(ro);
                            return "PolarDB reads back as Read Only.";
                        }));
                steps.add(catchUp(c, "rds-caught-up",
                        "Wait until RDS has applied every PolarDB transaction (GTID)", Topology.POLARDB2RDS));
                steps.add(step(c, "rds-read-write", "Set Source RDS read-write",
                        () -> c.rdsMode == rw, () -> {
                            requireReadOnlyAndCaughtUp(c, c.clusterMode, "PolarDB");
                            c.setRdsMode(rw);
                            return "Source RDS reads back as Read/Write.";
                        }));
                if (swap) {
                    steps.add(endpoints(c, "swap-endpoints-back", "Swap the endpoints back to the original database", false));
                }
                steps.add(link(c, "restore-link", "Restore the replication link (RDS → PolarDB)", Topology.RDS2POLARDB));
                steps.add(status(c, "finish", MigrationStatus.RDS2POLARDB_SYNCING));
            }
            case CANCEL -> {
                steps.add(status(c, "begin", MigrationStatus.CLOSING_MIGRATION));
                steps.add(link(c, "break-link", "Stop and remove the replication link (RDS → PolarDB)", null));
                steps.add(step(c, "polardb-read-write", "Set PolarDB read-write as an independent cluster",
                        () -> c.clusterMode == rw, () -> {
                            if (c.topology != null) {
                                throw new IllegalStateException("The link still exists: PolarDB stays read-only.");
                            }
                            c.setClusterMode(rw);
                            return "PolarDB reads back as Read/Write; RDS stays Read/Write.";
                        }));
                steps.add(status(c, "finish", MigrationStatus.NO_MIGRATION));
            }
            case COMPLETE -> {
                steps.add(status(c, "begin", MigrationStatus.CLOSING_MIGRATION));
                steps.add(link(c, "break-link", "Stop and remove the reverse link (PolarDB → RDS)", null));
                steps.add(status(c, "finish", MigrationStatus.NO_MIGRATION));
            }
        }
        return steps;
    }

    private MigrationStep precheck(SimulatedCluster c, MigrationAction action) {
        // Done only once it passed in this run: after a restart the checks run again.
        AtomicBoolean passed = new AtomicBoolean();
        return step(c, "precheck", "Check that " + action.title() + " is allowed now and the link is healthy",
                passed::get, () -> {
                    var s = c.snapshot();
                    var decision = ActionRules.check(s.status(), s.delayedSeconds(), action);
                    if (!decision.allowed()) {
                        throw new IllegalStateException(decision.reason());
                    }
                    if (c.linkBroken) {
                        throw new IllegalStateException("The replication link is broken: " + c.comment);
                    }
                    passed.set(true);
                    return "Status " + s.status() + ", latency " + s.delayedSeconds() + " s, link healthy.";
                });
    }

    private MigrationStep status(SimulatedCluster c, String key, MigrationStatus target) {
        return step(c, key, "Mark the migration " + target.name(),
                () -> target.name().equals(c.status), () -> {
                    c.setStatus(target.name());
                    return "";
                });
    }

    private MigrationStep catchUp(SimulatedCluster c, String key, String title, Topology direction) {
        return step(c, key, title, () -> c.topology == direction && !c.linkBroken && c.caughtUp(), () -> {
            if (c.linkBroken || c.topology != direction) {
                throw new IllegalStateException("The replication link is broken, so the other side cannot catch up. "
                        + "Both sides stay read-only: nothing is lost and nobody writes until the link is repaired.");
            }
            c.catchUp();
            return "Applied up to transaction " + c.writerPosition() + " of the old writer.";
        });
    }

    private MigrationStep link(SimulatedCluster c, String key, String title, Topology target) {
        return step(c, key, title, () -> c.topology == target, () -> {
            c.setTopology(target);
            return "";
        });
    }

    private MigrationStep endpoints(SimulatedCluster c, String key, String title, boolean swapped) {
        return step(c, key, title, () -> c.endpointsSwapped == swapped, () -> {
            c.setEndpointsSwapped(swapped);
            return "Existing client sessions were closed so clients reconnect.";
        });
    }

    private static void requireReadOnlyAndCaughtUp(SimulatedCluster c, Object oldWriterMode, String oldWriter) {
        if (oldWriterMode != ro) {
            throw new IllegalStateException(oldWriter + " is not read-only: refusing to make a second writer.");
        }
        if (!c.caughtUp()) {
            throw new IllegalStateException("Not every transaction of " + oldWriter + " is applied yet: refusing to lose writes.");
        }
    }

    private MigrationStep step(SimulatedCluster c, String key, String title, BooleanSupplier done, Callable<String> effect) {
        return new SimulatedStep(key, title, done, fence -> {
            clock.pass();
            faults.beforeEffect(c, key);
            fence.check();
            String note = effect.call();
            c.countPerform(key);
            return note;
        });
    }
}
