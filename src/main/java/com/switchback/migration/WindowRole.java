package com.switchback.migration;

/**
 * The steps inside the read-only window of a handover (docs/architecture.md §5): from the moment
 * the old writer is demoted until the endpoints route to the new one. Nothing but these runs
 * between them: no PostgreSQL round trip, no audit event, no push.
 */
public enum WindowRole {
    DEMOTE, CATCH_UP, PROMOTE, ENDPOINTS
}
