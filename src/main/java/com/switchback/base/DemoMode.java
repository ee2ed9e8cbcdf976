package com.switchback.base;

/**
 * Whether this instance runs as the labelled demo: embedded PostgreSQL, simulated fleet and
 * demo accounts. Decided once at start-up from the datasource configuration.
 */
public record DemoMode(boolean enabled) {
}
