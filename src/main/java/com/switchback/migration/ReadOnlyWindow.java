package com.switchback.migration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the steps of a handover's read-only window back to back (docs/architecture.md §5): demote,
 * catch up, promote, switch the endpoints. Between them there is no PostgreSQL round trip, no
 * audit event and no push: the journal is written before the window opens and after it closes.
 * The run's lease was extended before the demotion and is checked here against the local clock.
 */
final class ReadOnlyWindow {

    /**
     * What the window did: a note for each step that ended (in order, from the first), and then
     * either nothing more, the step that failed and why, or the step it stopped before.
     */
    record Outcome(List<String> notes, int failedAt, Exception error, int stoppedAt, Duration pause,
                   Duration untilEndpoints) {

        boolean failed() {
            return failedAt >= 0;
        }

        boolean stopped() {
            return stoppedAt >= 0;
        }
    }

    /** The lease as this node's clock sees it: valid until the deadline it was extended to. */
    static Fence localLease(Lease lease, long deadlineNanos) {
        return new Fence() {
            @Override
            public void check() {
                if (System.nanoTime() > deadlineNanos) {
                    throw new FencedException(lease);
                }
            }

            @Override
            public Duration remaining() {
                return Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
            }
        };
    }

    private ReadOnlyWindow() {
    }

    /** Runs {@code plan[from, to)}; a step already in effect is recorded, not repeated. */
    static Outcome run(List<MigrationStep> plan, int from, int to, Fence fence, OperationRunner.Checkpoint checkpoint) {
        List<String> notes = new ArrayList<>();
        long start = System.nanoTime();
        long demoted = start;
        long promoted = -1;
        long endpoints = -1;
        boolean actedHere = false;
        for (int seq = from; seq < to; seq++) {
            MigrationStep step = plan.get(seq);
            if (seq > from && checkpoint.stopBefore(seq)) {
                return outcome(notes, -1, null, seq, demoted, promoted, endpoints);
            }
            try {
                String note;
                long now;
                // Once this window has acted, the next steps cannot be in effect yet from an earlier run, and
                // each is idempotent: the look before acting is spent only on a window that resumes.
                if (!actedHere && step.isDone()) {
                    note = "Already in effect; not repeated.";
                    now = System.nanoTime();
                } else {
                    fence.check();
                    note = step.perform(fence);
                    now = System.nanoTime();
                    actedHere = true;
                    if (!step.isDone()) {
                        throw new IllegalStateException("The step ran but a fresh read does not show its effect.");
                    }
                }
                switch (step.windowRole()) {
                    case DEMOTE -> demoted = now;
                    case PROMOTE -> promoted = now;
                    case ENDPOINTS -> endpoints = now;
                    default -> {
                    }
                }
                notes.add(note);
            } catch (FencedException e) {
                throw e;
            } catch (Exception e) {
                return outcome(notes, seq, e, -1, demoted, promoted, endpoints);
            }
        }
        return outcome(notes, -1, null, -1, demoted, promoted, endpoints);
    }

    private static Outcome outcome(List<String> notes, int failedAt, Exception error, int stoppedAt, long demoted,
                                   long promoted, long endpoints) {
        Duration pause = promoted < 0 ? null : Duration.ofNanos(promoted - demoted);
        long end = endpoints >= 0 ? endpoints : promoted;
        Duration untilEndpoints = end < 0 ? null : Duration.ofNanos(end - demoted);
        return new Outcome(notes, failedAt, error, stoppedAt, pause, untilEndpoints);
    }
}
