package com.switchback.migration.mysql;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples both servers' {@code read_only} every couple of milliseconds, behind Switchback's back.
 * A sample reads RDS, PolarDB, then RDS again, and counts two writers only when RDS was writable
 * both before and after PolarDB was: a demotion that happens between two reads is not mistaken
 * for an overlap.
 */
final class TwoWriterMonitor implements AutoCloseable {

    private final MysqlLab lab;
    private final Thread thread;
    private final AtomicLong samples = new AtomicLong();
    private final AtomicLong twoWriters = new AtomicLong();
    private volatile boolean running = true;
    private volatile String error;

    TwoWriterMonitor(MysqlLab lab) {
        this.lab = lab;
        this.thread = Thread.ofPlatform().name("two-writer-monitor").daemon().start(this::sample);
    }

    private void sample() {
        try (Connection rds = lab.rds.root(); Connection polardb = lab.polardb.root()) {
            while (running) {
                boolean rdsBefore = !MysqlServer.readOnly(rds);
                boolean polardbWritable = !MysqlServer.readOnly(polardb);
                boolean rdsAfter = !MysqlServer.readOnly(rds);
                if (rdsBefore && polardbWritable && rdsAfter) {
                    twoWriters.incrementAndGet();
                }
                samples.incrementAndGet();
                LockSupport.parkNanos(2_000_000);
            }
        } catch (SQLException e) {
            error = e.getMessage();
        }
    }

    long samples() {
        return samples.get();
    }

    long twoWritersSeen() {
        return twoWriters.get();
    }

    String error() {
        return error;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
