package com.switchback.migration;

/**
 * The choices a user makes for an action.
 *
 * @param swapEndpoints  Switch Over / Roll Back: move the endpoints too ({@code SwapConnectionString})
 * @param continueBinlog Cancel / Complete where the backend asks: keep binary logging on
 *                       ({@code ContinueEnableBinlog}); off restarts the PolarDB cluster
 */
public record ActionOptions(boolean swapEndpoints, boolean continueBinlog) {

    public static ActionOptions swap(boolean swapEndpoints) {
        return new ActionOptions(swapEndpoints, true);
    }
}
