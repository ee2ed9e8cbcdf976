package com.switchback.migration;

import com.switchback.base.ActionRefusedException;
import java.util.List;

/**
 * The one port to the outside world: reads live status and carries out the steps of an action.
 * Adapters: {@code simulated} (the demo default); real backends implement the same.
 */
public interface MigrationBackend {

    /** Short name stored with each cluster, e.g. {@code simulated}. */
    String name();

    /** Whether the UI must label this backend's clusters as a simulation. */
    boolean simulated();

    /** The clusters this backend manages. */
    List<ClusterDescription> discover();

    /** Live migration status of one cluster. */
    MigrationSnapshot describe(String clusterId);

    /**
     * The steps that carry out {@code action} on the cluster, in order. The same arguments must
     * give the same keys in the same order, so a journal can be resumed.
     */
    List<MigrationStep> plan(String clusterId, MigrationAction action, boolean swapEndpoints);

    /** The steps with all of the user's choices; backends that offer more than the endpoint choice override this. */
    default List<MigrationStep> plan(String clusterId, MigrationAction action, ActionOptions options) {
        return plan(clusterId, action, options.swapEndpoints());
    }

    /** Whether this backend offers the action at all (Repair is for self-managed pairs). */
    default boolean supports(MigrationAction action) {
        return true;
    }

    /**
     * Opens what a handover's read-only window needs on this cluster (connections, checked), before
     * the demotion. Called on the thread that runs the window; closed after the endpoints switched.
     */
    default WriteWindow openWriteWindow(String clusterId, boolean endpointsMove) throws Exception {
        return WriteWindow.lasting(java.time.Duration.ofMinutes(2));
    }

    /** What keeps this backend from seeing all of its clusters now (e.g. a region that cannot be reached). */
    default List<String> problems() {
        return List.of();
    }

    /** Whether Cancel and Complete ask whether to keep binary logging on (Alibaba Cloud's ContinueEnableBinlog). */
    default boolean asksContinueBinlog() {
        return false;
    }

    /** The backend's readiness checks for the cluster, whatever the action (the vendor's migration evaluation). */
    default List<RequestPlan.Check> readiness(String clusterId) {
        return List.of();
    }

    /** Checks of the backend's own, run now and shown in a request's plan beside the common ones. */
    default List<RequestPlan.Check> preChecks(String clusterId, MigrationAction action, boolean swapEndpoints) {
        return List.of();
    }

    /**
     * Opens a comparison of both sides' data (Verify Data). A backend that cannot compare this
     * cluster throws {@link ActionRefusedException} saying why.
     */
    default DataCheck dataCheck(String clusterId) {
        throw new ActionRefusedException("refusal.verifyUnavailable");
    }

    /** Why Verify Data is not available for the cluster, or null when it is. */
    default String dataCheckUnavailable(String clusterId) {
        return "Verify Data is not available for this backend.";
    }
}
