package com.switchback.migration.mysql;

import com.switchback.migration.Fence;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.LiveStep;
import com.switchback.migration.MigrationStep;
import com.switchback.migration.RequestPlan;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The steps of each action on a real pair, in the order ARCHITECTURE §1 gives. Each step reads the
 * servers afresh before it acts; the order is the safety: the side being demoted is made read-only
 * and read back, the other side applies every one of its transactions (by GTID), and only then is
 * the other side made writable. A catch-up that does not finish in time undoes the action.
 */
final class MysqlPlans {

    private static final Duration CATCH_UP_POLL = Duration.ofMillis(20);

    private final MysqlPhases phases;

    MysqlPlans(MysqlPhases phases) {
        this.phases = phases;
    }

    List<MigrationStep> plan(MysqlPair p, MigrationAction action, boolean swap) {
        List<MigrationStep> steps = new ArrayList<>();
        steps.add(precheck(p, action, swap));
        switch (action) {
            case SWITCH_OVER -> {
                steps.add(begin(p, MigrationStatus.SWITCHING));
                steps.add(readOnly(p, p.rds()));
                steps.add(catchUp(p, p.polardb(), p.rds(), "polardb-caught-up",
                        "Wait until PolarDB has applied every RDS transaction (GTID)"));
                steps.add(readWrite(p, p.polardb(), p.rds(), "polardb-read-write", "Set PolarDB read-write"));
                steps.add(link(p, p.rds(), p.polardb(), "reverse-link", "Reverse the replication link (PolarDB → RDS)"));
                if (swap) {
                    steps.add(endpoints(p, true, "swap-endpoints", "Swap the endpoints of RDS and PolarDB"));
                }
            }
            case ROLL_BACK -> {
                steps.add(begin(p, MigrationStatus.ROLLBACK));
                steps.add(readOnly(p, p.polardb()));
                steps.add(catchUp(p, p.rds(), p.polardb(), "rds-caught-up",
                        "Wait until RDS has applied every PolarDB transaction (GTID)"));
                steps.add(readWrite(p, p.rds(), p.polardb(), "rds-read-write", "Set Source RDS read-write"));
                if (swap) {
                    steps.add(endpoints(p, false, "swap-endpoints-back", "Swap the endpoints back to the original database"));
                }
                steps.add(link(p, p.polardb(), p.rds(), "restore-link", "Restore the replication link (RDS → PolarDB)"));
            }
            case CANCEL -> {
                steps.add(begin(p, MigrationStatus.CLOSING_MIGRATION));
                steps.add(breakLink(p, p.polardb(), "break-link", "Stop and remove the replication link (RDS → PolarDB)"));
                steps.add(independentWriter(p));
            }
            case COMPLETE -> {
                steps.add(begin(p, MigrationStatus.CLOSING_MIGRATION));
                steps.add(breakLink(p, p.rds(), "break-link", "Stop and remove the reverse link (PolarDB → RDS)"));
            }
        }
        steps.add(finish(p));
        return steps;
    }

    private MigrationStep precheck(MysqlPair p, MigrationAction action, boolean swap) {
        // Done only once it passed in this run: after a restart the checks run again.
        AtomicBoolean passed = new AtomicBoolean();
        return new LiveStep("precheck", "Check that both servers, the link and HAProxy are ready for "
                + action.title(), passed::get, fence -> {
            List<RequestPlan.Check> failed = MysqlPreChecks.of(p, p.read(), action, swap).stream()
                    .filter(c -> !c.passed()).toList();
            if (!failed.isEmpty()) {
                throw new IllegalStateException("Pre-checks failed: " + failed.stream()
                        .map(c -> c.name() + " — " + c.detail()).collect(Collectors.joining("; ")));
            }
            passed.set(true);
            return "Both servers reachable, link healthy, GTID usable.";
        });
    }

    private MigrationStep begin(MysqlPair p, MigrationStatus status) {
        return new LiveStep("begin", "Mark the migration " + status.name(),
                () -> phases.current(p.id()).filter(status.name()::equals).isPresent(), fence -> {
                    phases.begin(p.id(), status.name());
                    return "";
                });
    }

    private MigrationStep finish(MysqlPair p) {
        return new LiveStep("finish", "Mark the action finished; the status follows the servers again",
                () -> phases.current(p.id()).isEmpty(), fence -> {
                    phases.end(p.id());
                    return "";
                });
    }

    private MigrationStep readOnly(MysqlPair p, MysqlServer side) {
        String key = (side == p.rds() ? "rds" : "polardb") + "-read-only";
        return new LiveStep(key, "Set " + side.label() + " read-only and read it back",
                () -> p.on(side, (c, d) -> MysqlServer.readOnly(c)), fence -> {
                    if (!p.on(side, (c, d) -> MysqlServer.setReadOnly(c, true))) {
                        throw new IllegalStateException(side.label() + " does not read back as read-only.");
                    }
                    return side.label() + " reads back as Read Only.";
                });
    }

    /**
     * Waits until {@code newWriter} has applied every transaction the read-only {@code oldWriter}
     * wrote. On timeout the action undoes itself: the old writer becomes writable again, the new
     * one stays read-only, and the in-flight mark is cleared, so the pair is as it was.
     */
    private MigrationStep catchUp(MysqlPair p, MysqlServer newWriter, MysqlServer oldWriter, String key, String title) {
        return new LiveStep(key, title, () -> caughtUp(p, newWriter, oldWriter), fence -> {
            String position = p.on(oldWriter, (c, d) -> {
                if (!MysqlServer.readOnly(c)) {
                    throw new IllegalStateException(oldWriter.label() + " is writable again: its last transaction is a moving target.");
                }
                return MysqlServer.writtenPosition(c, d);
            });
            Duration timeout = p.config().catchUpTimeout();
            long deadline = System.nanoTime() + timeout.toNanos();
            try (Connection c = newWriter.connect()) {
                var dialect = MysqlServer.dialect(c);
                while (!MysqlServer.hasApplied(c, dialect, position)) {
                    fence.check();
                    var link = MysqlServer.replica(c);
                    String error = link.isEmpty() ? newWriter.label() + " does not replicate" : link.get().error();
                    if (error != null || System.nanoTime() > deadline) {
                        String why = error != null ? "the link failed (" + error + ")"
                                : "it did not finish within " + timeout.toSeconds() + " s";
                        fence.check();
                        undo(p, newWriter, oldWriter);
                        throw new IllegalStateException(newWriter.label() + " could not apply every transaction of "
                                + oldWriter.label() + ": " + why + ". The action undid itself: " + oldWriter.label()
                                + " is Read/Write again and " + newWriter.label() + " Read Only, as before. "
                                + "No write was lost.");
                    }
                    Thread.sleep(CATCH_UP_POLL);
                }
            }
            return "Applied every transaction of " + oldWriter.label() + " up to " + (position.isEmpty() ? "(none)" : position) + ".";
        });
    }

    private void undo(MysqlPair p, MysqlServer newWriter, MysqlServer oldWriter) throws Exception {
        if (!p.on(newWriter, (c, d) -> MysqlServer.setReadOnly(c, true))) {
            throw new IllegalStateException("Catch-up failed and " + newWriter.label()
                    + " does not read back as read-only: both sides stay read-only until someone looks.");
        }
        p.on(oldWriter, (c, d) -> MysqlServer.setReadOnly(c, false));
        phases.end(p.id());
    }

    private static boolean caughtUp(MysqlPair p, MysqlServer newWriter, MysqlServer oldWriter) throws Exception {
        String position = p.on(oldWriter, (c, d) -> MysqlServer.readOnly(c) ? MysqlServer.writtenPosition(c, d) : null);
        return position != null && p.on(newWriter, (c, d) -> MysqlServer.hasApplied(c, d, position));
    }

    /** The new writer is enabled only when the old one reads back read-only and every one of its transactions is applied. */
    private MigrationStep readWrite(MysqlPair p, MysqlServer newWriter, MysqlServer oldWriter, String key, String title) {
        return new LiveStep(key, title, () -> p.on(newWriter, (c, d) -> !MysqlServer.readOnly(c)), fence -> {
            if (!caughtUp(p, newWriter, oldWriter)) {
                throw new IllegalStateException(oldWriter.label() + " is not read-only or not every transaction of it is "
                        + "applied on " + newWriter.label() + ": refusing to make a second writer or to lose writes.");
            }
            fence.check();
            if (p.on(newWriter, (c, d) -> MysqlServer.setReadOnly(c, false))) {
                throw new IllegalStateException(newWriter.label() + " does not read back as read-write.");
            }
            return newWriter.label() + " reads back as Read/Write.";
        });
    }

    /** {@code replica} replicates from {@code source} alone; the old link in the other direction is removed first. */
    private MigrationStep link(MysqlPair p, MysqlServer replica, MysqlServer source, String key, String title) {
        return new LiveStep(key, title, () -> p.on(source, (c, d) -> MysqlServer.replica(c).isEmpty())
                && p.on(replica, (c, d) -> MysqlServer.replica(c).isPresent()), fence -> {
            p.on(source, (c, d) -> {
                MysqlServer.breakLink(c, d);
                return null;
            });
            fence.check();
            p.on(replica, (c, d) -> {
                MysqlServer.replicateFrom(c, d, source.config(), p.config().replication());
                return null;
            });
            return replica.label() + " now replicates from " + source.label() + " by GTID.";
        });
    }

    private MigrationStep breakLink(MysqlPair p, MysqlServer replica, String key, String title) {
        return new LiveStep(key, title, () -> p.on(replica, (c, d) -> MysqlServer.replica(c).isEmpty()), fence -> {
            p.on(replica, (c, d) -> {
                MysqlServer.breakLink(c, d);
                return null;
            });
            return "Replication on " + replica.label() + " is stopped and reset.";
        });
    }

    private MigrationStep independentWriter(MysqlPair p) {
        return new LiveStep("polardb-read-write", "Set PolarDB read-write as an independent cluster",
                () -> p.on(p.polardb(), (c, d) -> !MysqlServer.readOnly(c)), fence -> {
                    if (p.on(p.polardb(), (c, d) -> MysqlServer.replica(c).isPresent())) {
                        throw new IllegalStateException("The link still exists: PolarDB stays read-only.");
                    }
                    fence.check();
                    if (p.on(p.polardb(), (c, d) -> MysqlServer.setReadOnly(c, false))) {
                        throw new IllegalStateException("PolarDB does not read back as read-write.");
                    }
                    return "PolarDB reads back as Read/Write; RDS stays Read/Write.";
                });
    }

    private MigrationStep endpoints(MysqlPair p, boolean swapped, String key, String title) {
        return new LiveStep(key, title, () -> p.endpointsAre(p.read(), swapped), fence -> {
            p.pointEndpoints(swapped);
            return "Both endpoints switched servers; existing client sessions were closed so clients reconnect.";
        });
    }
}
