package com.switchback.migration;

import java.util.List;

/**
 * Work or rules on a cluster besides its requests that an action must respect (a data verification,
 * a change freeze): a gate may refuse a request, and add checks to an action's plan, which the
 * action's execution enforces again when it starts.
 */
public interface ClusterGate {

    /** An action asked for (or about to run) on a cluster, on the terms it was asked. */
    record Proposal(String clusterId, MigrationAction action, RequestConditions conditions, boolean emergency) {
    }

    /** Why the request may not be made now, or null. Called while the migration's row is locked. */
    com.switchback.base.i18n.Text refusal(Proposal proposal);

    /** This gate's checks for the proposal, read now. */
    List<RequestPlan.Check> checks(Proposal proposal);
}
