package com.switchback.migration;

/**
 * The life of a {@link MigrationRequest}: PENDING waits for a team lead's decision and ends
 * APPROVED, REJECTED, WITHDRAWN (by its requester) or EXPIRED; APPROVED is ready for the executor,
 * which runs it (EXECUTING) to SUCCEEDED or FAILED.
 */
public enum RequestState {
    PENDING, APPROVED, REJECTED, WITHDRAWN, EXPIRED, EXECUTING, SUCCEEDED, FAILED;

    public boolean open() {
        return this == PENDING || this == APPROVED || this == EXECUTING;
    }
}
