package com.switchback.migration;

/** Thrown where a run finds that another executor now holds its request: the run must stop at once. */
public class FencedException extends RuntimeException {

    public FencedException(Lease lease) {
        super("Request #" + lease.requestId() + " is no longer held by " + lease.executorId() + " (epoch "
                + lease.epoch() + "): another executor took it over.");
    }
}
