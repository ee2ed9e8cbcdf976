package com.switchback.audit;

/** The result of walking the chain: intact with its length, or the first event where it breaks. */
public record Verification(boolean intact, long events, Long brokenAt, String problem) {

    public String summary() {
        return intact ? "Intact, " + events + " events." : "Broken at event " + brokenAt + ": " + problem;
    }
}
