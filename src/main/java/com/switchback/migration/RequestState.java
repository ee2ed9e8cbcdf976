package com.switchback.migration;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The life of a {@link MigrationRequest}: PENDING waits for a team lead's decision and ends
 * APPROVED, REJECTED, WITHDRAWN (by its requester) or EXPIRED; APPROVED is ready for the executor,
 * which runs it (EXECUTING) to SUCCEEDED or FAILED. The moves between them are
 * {@link RequestTransition}s, made only by {@link RequestLifecycle}.
 */
public enum RequestState {
    PENDING, APPROVED, REJECTED, WITHDRAWN, EXPIRED, EXECUTING, SUCCEEDED, FAILED;

    /** The states of a request that is not over: a migration has at most one such request. */
    public static final Set<RequestState> OPEN = EnumSet.of(PENDING, APPROVED, EXECUTING);

    public boolean open() {
        return OPEN.contains(this);
    }

    /** Whether its requester may still take it back: it has not started. */
    public boolean withdrawable() {
        return RequestTransition.WITHDRAW.from().contains(this);
    }

    /** {@code 'A','B'} for an SQL {@code in (…)}; the names are constants, never user input. */
    static String sqlList(Set<RequestState> states) {
        return states.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(","));
    }
}
