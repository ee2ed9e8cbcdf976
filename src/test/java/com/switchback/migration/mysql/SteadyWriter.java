package com.switchback.migration.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An application writing numbered rows at a steady rate through an endpoint: it reconnects and
 * goes on after any error, and records every commit the server acknowledged, and the longest time
 * between two acknowledged commits (the write pause an action caused).
 */
final class SteadyWriter implements AutoCloseable {

    private final MysqlLab lab;
    private final long intervalNanos;
    private final Thread thread;
    private final NavigableSet<Long> acknowledged = new ConcurrentSkipListSet<>();
    private final AtomicLong failures = new AtomicLong();
    private volatile int port;
    private volatile int otherPort = -1;
    private volatile boolean running = true;
    private volatile long longestPauseNanos;

    SteadyWriter(MysqlLab lab, int port, int writesPerSecond) {
        this.lab = lab;
        this.port = port;
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / writesPerSecond;
        this.thread = Thread.ofPlatform().name("steady-writer").daemon().start(this::write);
    }

    /** The application changes its connection string. */
    void switchTo(int newPort) {
        port = newPort;
    }

    /**
     * An application that knows both endpoints (a multi-host connection string): after an error it
     * tries the other one. Used where the endpoints do not move, so the application must.
     */
    void failOverTo(int otherPort) {
        this.otherPort = otherPort;
    }

    NavigableSet<Long> acknowledged() {
        return acknowledged;
    }

    long failures() {
        return failures.get();
    }

    /** Measures the longest pause from now on (what came before, such as connecting, is not counted). */
    void startMeasuring() {
        longestPauseNanos = 0;
    }

    double longestPauseMillis() {
        return longestPauseNanos / 1e6;
    }

    private void write() {
        Connection c = null;
        int connectedTo = -1;
        PreparedStatement insert = null;
        long id = 0;
        long lastAck = System.nanoTime();
        long next = System.nanoTime();
        while (running) {
            // Steady pacing: after a stall the writer goes on at its rate, without a burst.
            next = Math.max(next + intervalNanos, System.nanoTime());
            LockSupport.parkNanos(next - System.nanoTime());
            id++;
            try {
                if (c == null || connectedTo != port) {
                    close(c);
                    connectedTo = port;
                    c = lab.app(connectedTo);
                    insert = c.prepareStatement("insert into writes (id) values (?)");
                }
                insert.setLong(1, id);
                insert.executeUpdate();
                acknowledged.add(id);
                long now = System.nanoTime();
                longestPauseNanos = Math.max(longestPauseNanos, now - lastAck);
                lastAck = now;
            } catch (SQLException e) {
                failures.incrementAndGet();
                close(c);
                c = null;
                if (otherPort > 0) {
                    int tried = port;
                    port = otherPort;
                    otherPort = tried;
                }
            }
        }
        close(c);
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is gone either way
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
