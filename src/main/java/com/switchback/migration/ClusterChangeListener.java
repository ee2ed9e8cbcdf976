package com.switchback.migration;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on PostgreSQL for the changes other nodes announce (only cluster ids travel) and hands
 * them to {@link MigrationEvents}, so a view on this node follows an action run by another.
 * Holds one connection of its own; reconnects after a lost connection, and then has every view
 * re-read, so no change made meanwhile is missed.
 */
@Component
class ClusterChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterChangeListener.class);

    private final DataSource dataSource;
    private final MigrationEvents events;
    private volatile boolean running;
    private Thread thread;

    ClusterChangeListener(DataSource dataSource, MigrationEvents events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().daemon().name("cluster-change-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        boolean reconnecting = false;
        while (running) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("LISTEN " + MigrationEvents.CHANNEL);
                if (reconnecting) {
                    // Notifications sent while we were away are gone: every view re-reads once.
                    events.announceAll();
                    reconnecting = false;
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(500);
                    if (notes != null) {
                        for (PGNotification n : notes) {
                            events.received(n.getParameter());
                        }
                    }
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                log.warn("Lost the change notifications connection ({}); reconnecting.", e.getMessage());
                reconnecting = true;
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
