package com.switchback.migration;

import java.util.List;

/** Where the endpoints of a pair belong: where the last completed action that moved them put them. */
final class EndpointLayout {

    private EndpointLayout() {
    }

    /**
     * @param succeeded the Switch Overs and Roll Backs that succeeded, newest first
     * @return whether the endpoints are swapped (each routes to the other side)
     */
    static boolean swappedAfter(List<MigrationRequest> succeeded) {
        for (MigrationRequest r : succeeded) {
            if (r.swapEndpoints()) {
                // Each request keeps where it moved them; one made before that was kept moved them the
                // old way (a Switch Over swapped them, a Roll Back put them back).
                return r.endpointsSwappedAfter() != null ? r.endpointsSwappedAfter()
                        : r.action() == MigrationAction.SWITCH_OVER;
            }
        }
        return false;
    }
}
