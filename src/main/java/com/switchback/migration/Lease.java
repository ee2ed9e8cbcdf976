package com.switchback.migration;

/**
 * One executor's claim on one request. The epoch is the fencing token: every claim (the first or a
 * takeover) gets a new one, and every write of the run names it, so a run that lost its claim
 * changes nothing (docs/architecture.md, "Fencing").
 */
public record Lease(long requestId, String executorId, long epoch, boolean takeover) {
}
