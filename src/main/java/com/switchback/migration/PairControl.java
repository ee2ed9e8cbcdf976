package com.switchback.migration;

import com.switchback.migration.Endpoint.Side;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The primitives of a self-managed pair that {@link PairPlans} builds every action from: read and
 * set each side's read-only mode, GTID positions, the link, the endpoints, and the in-flight mark.
 * Adapters (simulated, mysql) supply these; the order of the steps, and with it the safety, is the
 * core's alone (docs/architecture.md, "One handover recipe").
 */
public interface PairControl {

    /** The cluster as the backend reads it now. */
    MigrationSnapshot describe();

    /** The backend's own pre-checks for an action (warnings do not block; failures do). */
    List<RequestPlan.Check> preChecks(MigrationAction action, boolean swapEndpoints);

    boolean readOnly(Side side) throws Exception;

    /** Sets the side's read-only mode and returns what it reads back afterwards. */
    boolean setReadOnly(Side side, boolean on) throws Exception;

    /** Every transaction the side has written (its own and replicated ones), as a GTID position. */
    String writtenPosition(Side side) throws Exception;

    /** Whether the side has applied exactly every transaction of {@code position}, with no other history. */
    boolean hasApplied(Side side, String position) throws Exception;

    /**
     * Waits, at most {@code max}, until the side has applied {@code position} (the server's own blocking
     * wait where it has one); returns whether it has. The caller confirms with {@link #hasApplied}.
     */
    default boolean awaitApplied(Side side, String position, Duration max) throws Exception {
        long deadline = System.nanoTime() + max.toNanos();
        while (!hasApplied(side, position)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            awaitingCatchUp(side);
            Thread.sleep(catchUpPoll());
        }
        return true;
    }

    /** Why the link into {@code replica} does not carry transactions now, or empty when it does. */
    Optional<String> linkProblem(Side replica) throws Exception;

    /** Whether {@code replica} has a link (to the other side). */
    boolean replicates(Side replica) throws Exception;

    /** Stops and forgets the link into {@code replica}. */
    void breakLink(Side replica) throws Exception;

    /** {@code replica} replicates from the other side by GTID, from what it already has. */
    void replicateFromOther(Side replica) throws Exception;

    boolean endpointsAre(boolean swapped) throws Exception;

    /** Points both endpoints in one go: each to its own side, or each to the other. */
    void pointEndpoints(boolean swapped) throws Exception;

    /** The in-flight mark (SWITCHING, ROLLBACK, CLOSING_MIGRATION) an action leaves until it settles. */
    Optional<String> inFlight();

    void markInFlight(MigrationStatus status) throws Exception;

    /** Whether the pair shows {@code target} as its settled status (the mark is gone). */
    boolean settled(MigrationStatus target);

    void settle(MigrationStatus target) throws Exception;

    /** Remembers, durably, the old writer's position read right after its demotion. */
    void rememberDemotedPosition(String position) throws Exception;

    Optional<String> demotedPosition();

    /** Who can write on a read-only side (accounts that bypass {@code read_only}), for messages; may be empty. */
    String bypassWriters(Side side);

    Duration catchUpTimeout();

    /** How long to wait between two looks while a side catches up. */
    default Duration catchUpPoll() {
        return Duration.ofMillis(20);
    }

    /** Called while a catch-up waits for {@code replica} (the simulation applies what arrived). */
    default void awaitingCatchUp(Side replica) {
    }

    /** Called before each step's effect (the simulation's timing and faults). */
    default void beforeEffect(String stepKey) throws Exception {
    }

    /** Called after each step's effect. */
    default void afterEffect(String stepKey) {
    }
}
