package com.switchback.migration;

/**
 * The choices a user makes for an action.
 *
 * @param swapEndpoints  Switch Over / Roll Back: move the endpoints too ({@code SwapConnectionString})
 * @param continueBinlog Cancel / Complete where the backend asks: keep binary logging on
 *                       ({@code ContinueEnableBinlog}); off restarts the PolarDB cluster
 * @param endpointsSwappedAfter where the endpoints go when they move: swapped from wherever they
 *                       point when the request is made (the vendor's "swaps the endpoints"), computed
 *                       then and kept with the request so every run moves them to the same place;
 *                       null when not known yet
 */
public record ActionOptions(boolean swapEndpoints, boolean continueBinlog, Boolean endpointsSwappedAfter) {

    public ActionOptions(boolean swapEndpoints, boolean continueBinlog) {
        this(swapEndpoints, continueBinlog, null);
    }

    public static ActionOptions swap(boolean swapEndpoints) {
        return new ActionOptions(swapEndpoints, true);
    }
}
