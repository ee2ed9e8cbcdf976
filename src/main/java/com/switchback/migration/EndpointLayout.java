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
                // A Switch Over with endpoints swaps them; a Roll Back with endpoints puts them back.
                return r.action() == MigrationAction.SWITCH_OVER;
            }
        }
        return false;
    }
}
