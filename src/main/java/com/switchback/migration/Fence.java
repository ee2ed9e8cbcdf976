package com.switchback.migration;

/**
 * Asked by a step immediately before each side effect on a backend, and as it waits: throws
 * {@link FencedException} once another executor holds the request.
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
}
