package com.switchback.audit;

/**
 * The result of walking the chain: intact with its length and how far signed checkpoints anchor it,
 * or the first event where it breaks.
 */
public record Verification(boolean intact, long events, Long brokenAt, String problem, int checkpoints,
                           long anchoredTo) {

    static Verification broken(long events, long at, String problem) {
        return new Verification(false, events, at, problem, 0, 0);
    }

    public String summary() {
        if (!intact) {
            return "Broken at event " + brokenAt + ": " + problem;
        }
        String anchor = checkpoints == 0 ? " No signed checkpoint yet."
                : " " + checkpoints + " signed checkpoint" + (checkpoints == 1 ? "" : "s") + ", the last at event "
                + anchoredTo + (anchoredTo < events ? " (the " + (events - anchoredTo) + " after it are covered by the chain only)." : ".");
        return "Intact, " + events + " events." + anchor;
    }
}
