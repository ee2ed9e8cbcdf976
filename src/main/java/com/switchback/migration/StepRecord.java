package com.switchback.migration;

import java.time.Duration;
import java.time.Instant;

/** One journal row: a step of an executing request and how far it got. */
public record StepRecord(long requestId, int seq, String key, String title, StepState state,
                         Instant startedAt, Instant finishedAt, String note, String error) {

    public enum StepState { PENDING, RUNNING, DONE, FAILED }

    /** How long the step took, or has been running so far; null before it starts. */
    public Duration duration(Instant now) {
        if (startedAt == null) {
            return null;
        }
        return Duration.between(startedAt, finishedAt != null ? finishedAt : now);
    }
}
