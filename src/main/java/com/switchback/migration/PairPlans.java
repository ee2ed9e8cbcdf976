package com.switchback.migration;

import com.switchback.migration.Endpoint.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one recipe of every action on a self-managed pair (docs/architecture.md, "One handover
 * recipe"), built from an adapter's {@link PairControl}. A handover (Switch Over, Roll Back) is:
 * check; mark in flight; demote the old writer and read it back; wait until the new writer has
 * applied every transaction of it (by GTID) — else undo; promote the new writer — only if the old
 * one is still read-only and its position has not moved; switch the endpoints; then relink (off
 * the writer's path); settle. Every step reads live state first, so a resumed run repeats nothing.
 */
public final class PairPlans {

    /** How long one blocking wait for the catch-up lasts before the link and the lease are looked at again. */
    private static final Duration CATCH_UP_SLICE = Duration.ofMillis(250);

    private PairPlans() {
    }

    /** Who writes before and after a handover, and the statuses around it. */
    private record Handover(Side oldWriter, Side newWriter, MigrationStatus before, MigrationStatus during,
                            MigrationStatus after, String endpointsKey, String linkKey, String linkTitle) {
    }

    private static final Handover SWITCH_OVER = new Handover(Side.RDS, Side.POLARDB,
            MigrationStatus.RDS2POLARDB_SYNCING, MigrationStatus.SWITCHING, MigrationStatus.POLARDB2RDS_SYNCING,
            "swap-endpoints", "reverse-link", "Reverse the replication link (PolarDB → RDS)");

    private static final Handover ROLL_BACK = new Handover(Side.POLARDB, Side.RDS,
            MigrationStatus.POLARDB2RDS_SYNCING, MigrationStatus.ROLLBACK, MigrationStatus.RDS2POLARDB_SYNCING,
            "swap-endpoints-back", "restore-link", "Restore the replication link (RDS → PolarDB)");

    /** As {@link #plan(PairControl, MigrationAction, ActionOptions)}, where the endpoints go read now. */
    public static List<MigrationStep> plan(PairControl p, MigrationAction action, boolean swapEndpoints) {
        return plan(p, action, new ActionOptions(swapEndpoints, true));
    }

    /**
     * The steps of {@code action}. Endpoints that move are swapped from where they route: to
     * {@code options.endpointsSwappedAfter()}, kept with the request (read now when not given). For
     * Repair, {@code swapEndpoints} is where the endpoints belong: where the last completed action put them.
     */
    public static List<MigrationStep> plan(PairControl p, MigrationAction action, ActionOptions options) {
        boolean swapEndpoints = options.swapEndpoints();
        List<MigrationStep> steps = new ArrayList<>();
        steps.add(precheck(p, action, swapEndpoints));
        switch (action) {
            case SWITCH_OVER -> handover(p, SWITCH_OVER, swapEndpoints, swappedAfter(p, options), steps);
            case ROLL_BACK -> handover(p, ROLL_BACK, swapEndpoints, swappedAfter(p, options), steps);
            case CANCEL -> {
                steps.add(begin(p, MigrationStatus.CLOSING_MIGRATION));
                steps.add(breakLink(p, Side.POLARDB, "Stop and remove the replication link (RDS → PolarDB)"));
                steps.add(step(p, "polardb-read-write", "Set PolarDB read-write as an independent cluster",
                        () -> !p.readOnly(Side.POLARDB), fence -> {
                            if (p.replicates(Side.POLARDB)) {
                                throw new IllegalStateException("The link still exists: PolarDB stays read-only.");
                            }
                            fence.check();
                            if (p.setReadOnly(Side.POLARDB, false)) {
                                throw new IllegalStateException("PolarDB does not read back as read-write.");
                            }
                            return "PolarDB reads back as Read/Write; RDS stays Read/Write.";
                        }));
                steps.add(finish(p, MigrationStatus.NO_MIGRATION));
            }
            case COMPLETE -> {
                steps.add(begin(p, MigrationStatus.CLOSING_MIGRATION));
                steps.add(breakLink(p, Side.RDS, "Stop and remove the reverse link (PolarDB → RDS)"));
                steps.add(finish(p, MigrationStatus.NO_MIGRATION));
            }
            case REPAIR -> repair(p, swapEndpoints, steps);
        }
        return steps;
    }

    /**
     * The checks an action needs beyond the common ones ({@link PreChecks}): the backend's own, and
     * Cancel's endpoint rule. Shown in the plan and enforced by the first step.
     */
    public static List<RequestPlan.Check> backendChecks(PairControl p, MigrationAction action, boolean swapEndpoints) {
        List<RequestPlan.Check> checks = new ArrayList<>(p.preChecks(action, swapEndpoints));
        if (action == MigrationAction.COMPLETE) {
            // PolarDB stays the writer and RDS stays read-only: no endpoint can route to a side that stops writing.
            boolean swapped = endpointsAre(p, true);
            checks.add(new RequestPlan.Check("Endpoints", true, (swapped ? "Swapped: the RDS endpoint routes to PolarDB. "
                    : "Each endpoint routes to its own side. ") + "Complete moves no endpoint; PolarDB stays the writer."));
        }
        if (action == MigrationAction.CANCEL) {
            boolean home = endpointsAre(p, false);
            // After Cancel PolarDB is an independent writer: an RDS endpoint routed to it would split the data.
            checks.add(home ? new RequestPlan.Check("Endpoints at home", true,
                    "Each endpoint routes to its own side; Cancel moves no endpoint.")
                    : RequestPlan.Check.fail("Endpoints at home", "The RDS endpoint does not route to the source RDS. "
                      + "Cancel moves no endpoint, and PolarDB becomes an independent writer.",
                      "Roll Back with endpoints (or point the endpoints home) first."));
        }
        return checks;
    }

    /** Whether the endpoints route that way now; false when it cannot be read (the check then says so). */
    private static boolean endpointsAre(PairControl p, boolean swapped) {
        try {
            return p.endpointsAre(swapped);
        } catch (Exception e) {
            return false;
        }
    }

    /** Where moving endpoints go: as kept with the request, else swapped from where they route now. */
    private static boolean swappedAfter(PairControl p, ActionOptions options) {
        if (options.endpointsSwappedAfter() != null) {
            return options.endpointsSwappedAfter();
        }
        return !endpointsAre(p, true);
    }

    private static void handover(PairControl p, Handover h, boolean swap, boolean swappedAfter,
                                 List<MigrationStep> steps) {
        String oldLabel = h.oldWriter().label();
        String newLabel = h.newWriter().label();
        steps.add(begin(p, h.during()));
        steps.add(step(p, WindowRole.DEMOTE, key(h.oldWriter()) + "-read-only", "Set " + oldLabel + " read-only and read it back",
                () -> p.readOnly(h.oldWriter()), fence -> {
                    if (!p.setReadOnly(h.oldWriter(), true)) {
                        throw new IllegalStateException(oldLabel + " does not read back as read-only.");
                    }
                    // From here on its position must not move: the promotion checks it against this.
                    p.rememberDemotedPosition(p.writtenPosition(h.oldWriter()));
                    return oldLabel + " reads back as Read Only.";
                }));
        steps.add(catchUp(p, h));
        steps.add(promote(p, h));
        if (swap) {
            steps.add(step(p, WindowRole.ENDPOINTS, h.endpointsKey(), swappedAfter
                            ? "Swap the endpoints: each routes to the other side"
                            : "Swap the endpoints back: each routes to its own side",
                    () -> p.endpointsAre(swappedAfter),
                    fence -> {
                        p.pointEndpoints(swappedAfter);
                        return "Both endpoints switched servers; existing client sessions were closed so clients reconnect.";
                    }));
        }
        steps.add(step(p, h.linkKey(), h.linkTitle(),
                () -> !p.replicates(h.newWriter()) && p.replicates(h.oldWriter()), fence -> {
                    p.breakLink(h.newWriter());
                    String now = p.writtenPosition(h.oldWriter());
                    Optional<String> demoted = p.demotedPosition();
                    if (demoted.isPresent() && !demoted.get().equals(now)) {
                        throw new IllegalStateException(oldLabel + " wrote after it was made read-only (its position "
                                + "moved from " + demoted.get() + " to " + now + "); those transactions are not on "
                                + newLabel + ", so the link was not reversed. " + bypass(p, h.oldWriter()));
                    }
                    fence.check();
                    p.replicateFromOther(h.oldWriter());
                    return oldLabel + " now replicates from " + newLabel + " by GTID.";
                }));
        steps.add(finish(p, h.after()));
    }

    /**
     * Waits until the new writer has applied every transaction of the read-only old one. On timeout
     * or a broken link the action undoes itself: the new writer stays read-only, the old one is
     * writable again and the mark is cleared, so the pair is as it was.
     */
    private static MigrationStep catchUp(PairControl p, Handover h) {
        String oldLabel = h.oldWriter().label();
        String newLabel = h.newWriter().label();
        String title = "Wait until " + (h.newWriter() == Side.RDS ? "RDS" : "PolarDB") + " has applied every "
                + (h.oldWriter() == Side.RDS ? "RDS" : "PolarDB") + " transaction (GTID)";
        return step(p, WindowRole.CATCH_UP, key(h.newWriter()) + "-caught-up", title, () -> caughtUp(p, h), fence -> {
            if (!p.readOnly(h.oldWriter())) {
                throw new IllegalStateException(oldLabel + " is writable again: its last transaction is a moving target.");
            }
            String position = p.writtenPosition(h.oldWriter());
            if (p.demotedPosition().isEmpty()) {
                // The demotion took effect before a crash, unrecorded: its position is the one now.
                p.rememberDemotedPosition(position);
            }
            // The wait ends, and undoes, before the run's lease would: never after another node may act.
            Duration limit = p.catchUpTimeout().compareTo(fence.remaining()) < 0 ? p.catchUpTimeout() : fence.remaining();
            long deadline = System.nanoTime() + limit.toNanos();
            while (true) {
                fence.check();
                long left = deadline - System.nanoTime();
                // The server's own wait returns the moment the last transaction lands; then it is confirmed whole.
                boolean reached = left > 0 && p.awaitApplied(h.newWriter(), position,
                        Duration.ofNanos(Math.min(left, CATCH_UP_SLICE.toNanos())));
                if (reached && p.hasApplied(h.newWriter(), position)) {
                    break;
                }
                Optional<String> problem = p.linkProblem(h.newWriter());
                if (problem.isPresent() || deadline - System.nanoTime() <= 0) {
                    String why = problem.map(e -> "the link failed (" + e + ")")
                            .orElse("it did not finish within " + Math.max(1, limit.toSeconds()) + " s");
                    undo(p, h, fence);
                    throw new IllegalStateException(newLabel + " could not apply every transaction of " + oldLabel
                            + ": " + why + ". The action undid itself: " + oldLabel + " is Read/Write again and "
                            + newLabel + " Read Only, as before. No write was lost.");
                }
                if (reached) {
                    // Reached by sequence number but not the same history: look again shortly, until the deadline.
                    Thread.sleep(p.catchUpPoll());
                }
            }
            return "Applied every transaction of " + oldLabel + " up to " + (position.isEmpty() ? "(none)" : position) + ".";
        });
    }

    /** The new writer is enabled only while the old one reads back read-only, has not moved, and is fully applied. */
    private static MigrationStep promote(PairControl p, Handover h) {
        String oldLabel = h.oldWriter().label();
        String newLabel = h.newWriter().label();
        return step(p, WindowRole.PROMOTE, key(h.newWriter()) + "-read-write", "Set " + newLabel + " read-write",
                () -> !p.readOnly(h.newWriter()), fence -> {
                    if (!p.readOnly(h.oldWriter())) {
                        throw new IllegalStateException(oldLabel + " is not read-only: refusing to make a second writer.");
                    }
                    String now = p.writtenPosition(h.oldWriter());
                    Optional<String> demoted = p.demotedPosition();
                    if (demoted.isPresent() && !demoted.get().equals(now)) {
                        fence.check();
                        undo(p, h, fence);
                        throw new IllegalStateException(oldLabel + " was written to after it was made read-only (its "
                                + "position moved from " + demoted.get() + " to " + now + "). " + bypass(p, h.oldWriter())
                                + " The action undid itself: " + oldLabel + " is Read/Write again and " + newLabel
                                + " Read Only; the link still carries those writes, so none was lost.");
                    }
                    if (!p.hasApplied(h.newWriter(), now)) {
                        throw new IllegalStateException("Not every transaction of " + oldLabel + " is applied on "
                                + newLabel + ": refusing to lose writes.");
                    }
                    fence.check();
                    if (p.setReadOnly(h.newWriter(), false)) {
                        throw new IllegalStateException(newLabel + " does not read back as read-write.");
                    }
                    return newLabel + " reads back as Read/Write.";
                });
    }

    private static void undo(PairControl p, Handover h, Fence fence) throws Exception {
        if (!p.setReadOnly(h.newWriter(), true)) {
            throw new IllegalStateException(h.newWriter().label() + " does not read back as read-only while undoing: "
                    + "both sides stay read-only until someone looks (Repair).");
        }
        fence.check();
        p.setReadOnly(h.oldWriter(), false);
        p.settle(h.before());
    }

    private static boolean caughtUp(PairControl p, Handover h) throws Exception {
        return p.readOnly(h.oldWriter()) && p.demotedPosition().isPresent()
                && p.hasApplied(h.newWriter(), p.writtenPosition(h.oldWriter()));
    }

    /**
     * Repair brings a pair left half way (an undo that did not finish, a safety stop) to the nearest
     * safe state: both sides read-only; then the side that holds every transaction of the other
     * (preferring the writer from before the interrupted action) becomes the one writer; the
     * endpoints go where the last completed action put them; the other side replicates from it.
     */
    private static void repair(PairControl p, boolean endpointsSwapped, List<MigrationStep> steps) {
        steps.add(step(p, "demote-both", "Set both sides read-only and read them back",
                () -> p.readOnly(Side.RDS) && p.readOnly(Side.POLARDB), fence -> {
                    boolean rds = p.setReadOnly(Side.RDS, true);
                    boolean polardb = p.setReadOnly(Side.POLARDB, true);
                    if (!rds || !polardb) {
                        throw new IllegalStateException("A side does not read back as read-only: nothing more is done.");
                    }
                    return "Both sides read back as Read Only.";
                }));
        steps.add(step(p, "one-writer", "Make the side that holds every transaction of the other the one writer",
                () -> oneWriter(p).isPresent(), fence -> {
                    Side writer = repairWriter(p);
                    fence.check();
                    if (p.setReadOnly(writer, false)) {
                        throw new IllegalStateException(writer.label() + " does not read back as read-write.");
                    }
                    return writer.label() + " holds every transaction of the other side and is the writer now.";
                }));
        steps.add(step(p, "repair-endpoints", endpointsSwapped
                        ? "Point the endpoints where the last completed action put them: swapped"
                        : "Point the endpoints where the last completed action put them: each to its own side",
                () -> p.endpointsAre(endpointsSwapped), fence -> {
                    p.pointEndpoints(endpointsSwapped);
                    return "Both endpoints point where the last completed action put them.";
                }));
        steps.add(step(p, "repair-link", "Make the other side replicate from the writer", () -> {
                    Optional<Side> writer = oneWriter(p);
                    return writer.isPresent() && !p.replicates(writer.get()) && p.replicates(other(writer.get()));
                }, fence -> {
                    Side writer = oneWriter(p).orElseThrow(() -> new IllegalStateException("There is not exactly one writer."));
                    p.breakLink(writer);
                    fence.check();
                    p.replicateFromOther(other(writer));
                    return other(writer).label() + " replicates from " + writer.label() + ".";
                }));
        steps.add(step(p, "finish", "Mark the migration settled as the writer says",
                () -> oneWriter(p).map(w -> p.settled(settledStatus(w))).orElse(false), fence -> {
                    Side writer = oneWriter(p).orElseThrow(() -> new IllegalStateException("There is not exactly one writer."));
                    p.settle(settledStatus(writer));
                    return "The migration is " + settledStatus(writer) + " again.";
                }));
    }

    /** The writer a repair makes: the one from before the interrupted action if it holds all, else the other. */
    private static Side repairWriter(PairControl p) throws Exception {
        Side preferred = p.inFlight().filter(MigrationStatus.ROLLBACK.name()::equals).isPresent() ? Side.POLARDB : Side.RDS;
        for (Side candidate : List.of(preferred, other(preferred))) {
            if (p.hasApplied(candidate, p.writtenPosition(other(candidate)))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Each side has transactions the other lacks (Source RDS at "
                + p.writtenPosition(Side.RDS) + ", PolarDB at " + p.writtenPosition(Side.POLARDB)
                + "): Switchback will not choose which to lose. Both sides stay read-only; reconcile them by hand.");
    }

    /** The one writable side, when exactly one side is writable and it holds every transaction of the other. */
    private static Optional<Side> oneWriter(PairControl p) throws Exception {
        boolean rdsWritable = !p.readOnly(Side.RDS);
        boolean polardbWritable = !p.readOnly(Side.POLARDB);
        if (rdsWritable == polardbWritable) {
            return Optional.empty();
        }
        Side writer = rdsWritable ? Side.RDS : Side.POLARDB;
        return p.hasApplied(writer, p.writtenPosition(other(writer))) ? Optional.of(writer) : Optional.empty();
    }

    private static MigrationStatus settledStatus(Side writer) {
        return writer == Side.RDS ? MigrationStatus.RDS2POLARDB_SYNCING : MigrationStatus.POLARDB2RDS_SYNCING;
    }

    private static Side other(Side side) {
        return side == Side.RDS ? Side.POLARDB : Side.RDS;
    }

    private static String key(Side side) {
        return side == Side.RDS ? "rds" : "polardb";
    }

    private static String bypass(PairControl p, Side side) {
        String who = p.bypassWriters(side);
        return who.isEmpty() ? "" : "Accounts that can write on it in spite of read_only: " + who + ".";
    }

    /** The one shared pre-check: the common checks on a fresh reading and the backend's, all in one step. */
    private static MigrationStep precheck(PairControl p, MigrationAction action, boolean swap) {
        // Done only once it passed in this run: after a restart the checks run again.
        AtomicBoolean passed = new AtomicBoolean();
        return step(p, "precheck", "Check that " + action.title() + " is allowed now: status, link, modes and the "
                + "backend's checks", passed::get, fence -> {
                    String note = CheckRegistry.enforce(p.describe(), action, backendChecks(p, action, swap));
                    passed.set(true);
                    return note;
                });
    }

    private static MigrationStep begin(PairControl p, MigrationStatus status) {
        return step(p, "begin", "Mark the migration " + status.name(),
                () -> p.inFlight().filter(status.name()::equals).isPresent(), fence -> {
                    p.markInFlight(status);
                    return "";
                });
    }

    private static MigrationStep finish(PairControl p, MigrationStatus target) {
        return step(p, "finish", "Mark the migration " + target.name(), () -> p.settled(target), fence -> {
            p.settle(target);
            return "";
        });
    }

    private static MigrationStep breakLink(PairControl p, Side replica, String title) {
        return step(p, "break-link", title, () -> !p.replicates(replica), fence -> {
            p.breakLink(replica);
            return "Replication on " + replica.label() + " is stopped and reset.";
        });
    }

    /** A step whose effect is wrapped by the adapter's hooks (the simulation's timing and faults). */
    private static MigrationStep step(PairControl p, String key, String title, LiveStep.Check done, LiveStep.Effect effect) {
        return step(p, null, key, title, done, effect);
    }

    private static MigrationStep step(PairControl p, WindowRole role, String key, String title, LiveStep.Check done,
                                      LiveStep.Effect effect) {
        return new LiveStep(key, title, done, fence -> {
            p.beforeEffect(key);
            fence.check();
            String note = effect.run(fence);
            p.afterEffect(key);
            if (role == WindowRole.PROMOTE && !p.readOnly(Side.RDS) && !p.readOnly(Side.POLARDB)) {
                // Checked here, inside the window, so the endpoints never move to a pair with two writers.
                throw new IllegalStateException("Both sides read Read/Write after the promotion.");
            }
            return note;
        }, role);
    }
}
