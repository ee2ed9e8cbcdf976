package com.switchback.migration;

/**
 * One idempotent step of an action, as a backend carries it out. The executor asks
 * {@link #isDone()} — a fresh read of live state — before {@link #perform(Fence)}, so a step that
 * already took effect before a crash is not repeated.
 */
public interface MigrationStep {

    /** Stable key, stored in the journal. */
    String key();

    /** What the step does, for people. */
    String title();

    /** Re-reads live state: has this step's effect already happened? */
    boolean isDone();

    /**
     * Carries out the step; returns a short note of what it saw (may be empty). Throws when it cannot.
     * Calls {@code fence.check()} immediately before each side effect and while it waits.
     */
    String perform(Fence fence) throws Exception;

    /** The part this step plays in a handover's read-only window, or null when it runs outside it. */
    default WindowRole windowRole() {
        return null;
    }
}
