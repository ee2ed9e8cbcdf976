package com.switchback.migration.mysql;

import com.switchback.migration.WriteWindow;
import java.sql.Connection;
import java.time.Duration;
import java.util.Optional;

/**
 * What a read-only window holds on a real pair: a connection to each server and, when the endpoints
 * move, a conversation with HAProxy — all opened and checked before the demotion. The old writer's
 * demoted position is kept here and written to PostgreSQL when the window closes, after the
 * endpoints switched. Used only by the thread that opened it.
 */
final class MysqlWindow implements WriteWindow {

    /** Beyond the catch-up: the demotion, the promotion and the endpoint switch. */
    private static final Duration MARGIN = Duration.ofSeconds(10);

    private final MysqlPair pair;
    private final MysqlPhases phases;
    private final Thread owner = Thread.currentThread();
    private final Connection rds;
    private final Connection polardb;
    private final MysqlServer.Dialect dialect;
    private final HaproxyRuntime.Session haproxy;
    private String demotedPosition;
    private boolean demotedPositionChanged;

    MysqlWindow(MysqlPair pair, MysqlPhases phases, boolean endpointsMove) throws Exception {
        this.pair = pair;
        this.phases = phases;
        Connection r = null;
        Connection p = null;
        HaproxyRuntime.Session h = null;
        try {
            r = pair.rds().connect();
            p = pair.polardb().connect();
            dialect = MysqlServer.dialect(r);
            MysqlServer.dialect(p);
            h = endpointsMove ? pair.haproxy().openSession() : null;
        } catch (Exception e) {
            closeQuietly(r, p, h);
            throw e;
        }
        this.rds = r;
        this.polardb = p;
        this.haproxy = h;
        this.demotedPosition = phases.demotedPosition(pair.id()).orElse(null);
        pair.hold(this);
    }

    boolean ownedByThisThread() {
        return Thread.currentThread() == owner;
    }

    Connection connection(boolean rdsSide) {
        return rdsSide ? rds : polardb;
    }

    MysqlServer.Dialect dialect() {
        return dialect;
    }

    HaproxyRuntime.Session haproxy() {
        return haproxy;
    }

    void rememberDemotedPosition(String position) {
        demotedPosition = position;
        demotedPositionChanged = true;
    }

    Optional<String> demotedPosition() {
        return Optional.ofNullable(demotedPosition);
    }

    @Override
    public Duration timeout() {
        return pair.config().catchUpTimeout().plus(MARGIN);
    }

    @Override
    public void close() throws Exception {
        pair.release(this);
        closeQuietly(rds, polardb, haproxy);
        if (demotedPositionChanged) {
            phases.rememberDemotedPosition(pair.id(), demotedPosition);
        }
    }

    private static void closeQuietly(Connection r, Connection p, HaproxyRuntime.Session h) {
        for (AutoCloseable c : new AutoCloseable[] {r, p, h}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing after the window: nothing left to protect
                }
            }
        }
    }
}
