package com.switchback.migration;

import java.time.Instant;

/**
 * A run's hold on one step: asked immediately before each side effect on a backend, and as it
 * waits, it throws {@link FencedException} once another executor holds the request. It also keeps
 * the step's one outward call on record (docs/architecture.md §4, "Calls sent once"), so that a
 * call whose effect shows only later is never sent again by a retry, a resume or another node.
 */
@FunctionalInterface
public interface Fence {

    /** For plans that are only shown, never run. */
    Fence NONE = () -> {
    };

    void check();

    /** How long this run may still act without asking again: a wait must end (and undo) before. */
    default java.time.Duration remaining() {
        return java.time.Duration.ofDays(365);
    }

    /** When an earlier attempt of this step (this run, a resume, a retry, another node) sent its call; null if none did. */
    default Instant callSentAt() {
        return null;
    }

    /**
     * Records, committed and fenced, that the step sends its call now ({@code at}), before it goes
     * out; {@code null} clears the record once the call is known not to have taken effect.
     */
    default void recordCall(Instant at) {
    }
}
