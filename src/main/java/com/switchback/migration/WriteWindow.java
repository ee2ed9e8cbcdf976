package com.switchback.migration;

import java.time.Duration;

/**
 * What a backend opens before a handover's read-only window and closes after it: connections opened
 * and checked beforehand, and writes to PostgreSQL that the window's steps ask for, kept until it
 * closes. {@link #timeout()} bounds the window: the run's lease is extended by it before the demotion.
 */
public interface WriteWindow extends AutoCloseable {

    /** For backends that need nothing opened (the simulation). */
    static WriteWindow lasting(Duration timeout) {
        return new WriteWindow() {
            @Override
            public Duration timeout() {
                return timeout;
            }

            @Override
            public void close() {
            }
        };
    }

    Duration timeout();

    /** Closes connections and writes what the window kept back; after the endpoints switched. */
    @Override
    void close() throws Exception;
}
