package com.switchback.migration;

import java.util.List;

/**
 * Work on a cluster besides its requests that an action must respect (a data verification): it may
 * keep requests from being made, and add checks to an action's plan, which the action's execution
 * enforces again when it starts.
 */
public interface ClusterGate {

    /** Why no request may be made on the cluster now, or null. Called while the migration's row is locked. */
    String blocksRequests(String clusterId);

    /** This gate's checks for {@code action} on the cluster, read now. */
    List<RequestPlan.Check> checks(String clusterId, MigrationAction action);
}
