package com.switchback.notification;

import com.switchback.base.Notice.Tone;

/**
 * The one catalogue of events people are told of, in the console and in their channels: its key (as
 * channels subscribe to it and the audit trail names it), how administrators see it when they pick
 * a channel's events, who among the console's users gets an in-app notice, and its tone there.
 */
public enum Event {
    REQUEST_MADE("request.made", "A request waits for approval", Audience.APPROVERS, Tone.WARNING),
    REQUEST_APPROVED("request.approved", "Request approved", Audience.REQUESTER, Tone.SUCCESS),
    REQUEST_REJECTED("request.rejected", "Request rejected", Audience.REQUESTER, Tone.WARNING),
    REQUEST_WITHDRAWN("request.withdrawn", "Request withdrawn", Audience.NOBODY, Tone.WARNING),
    REQUEST_EXPIRED("request.expired", "Request expired", Audience.REQUESTER, Tone.WARNING),
    EXECUTION_STARTED("execution.started", "Execution started", Audience.NOBODY, Tone.SUCCESS),
    STEP_FAILED("step.failed", "A step failed", Audience.NOBODY, Tone.ERROR),
    EXECUTION_SUCCEEDED("execution.succeeded", "Execution succeeded", Audience.REQUESTER, Tone.SUCCESS),
    EXECUTION_FAILED("execution.failed", "Execution failed", Audience.REQUESTER, Tone.ERROR),
    SAFETY_STOP("execution.safety-stop", "Safety stop: two writers", Audience.REQUESTER, Tone.ERROR),
    WINDOW_ENDING("migration-window.ending", "Migration window ending (7 days, 24 h, 2 h)", Audience.NOBODY,
            Tone.WARNING),
    VERIFICATION_STALE("verification.stale", "Verification stale", Audience.NOBODY, Tone.WARNING),
    VERIFICATION_DIFFERENCES("verification.differences", "Verification found differences", Audience.NOBODY,
            Tone.ERROR);

    /** Who among the console's users is told in the app (channels are told of every event they picked). */
    public enum Audience { NOBODY, REQUESTER, APPROVERS }

    private final String key;
    private final String label;
    private final Audience audience;
    private final Tone tone;

    Event(String key, String label, Audience audience, Tone tone) {
        this.key = key;
        this.label = label;
        this.audience = audience;
        this.tone = tone;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Audience audience() {
        return audience;
    }

    public Tone tone() {
        return tone;
    }

    /** The event with this key, or null (a key from an older version). */
    public static Event of(String key) {
        for (Event e : values()) {
            if (e.key.equals(key)) {
                return e;
            }
        }
        return null;
    }
}
