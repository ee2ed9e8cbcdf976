package com.switchback.migration.mysql;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A configured pair: its two servers and the HAProxy that serves their endpoints. */
final class MysqlPair {

    /** Work on one server's connection. */
    @FunctionalInterface
    interface OnServer<T> {
        T apply(Connection c, MysqlServer.Dialect dialect) throws SQLException;
    }

    private final MysqlProperties.Pair config;
    private final MysqlServer rds;
    private final MysqlServer polardb;
    private final HaproxyRuntime haproxy;
    /** Connections held for a read-only window; used only by the thread that opened it. */
    private volatile MysqlWindow window;

    MysqlPair(MysqlProperties.Pair config) {
        this.config = config;
        this.rds = new MysqlServer("Source RDS", config.rds());
        this.polardb = new MysqlServer("PolarDB", config.polardb());
        this.haproxy = new HaproxyRuntime(config.haproxy().runtimeApi());
    }

    MysqlProperties.Pair config() {
        return config;
    }

    String id() {
        return config.clusterId();
    }

    MysqlServer rds() {
        return rds;
    }

    MysqlServer polardb() {
        return polardb;
    }

    HaproxyRuntime haproxy() {
        return haproxy;
    }

    <T> T on(MysqlServer server, OnServer<T> work) throws SQLException {
        MysqlWindow held = heldWindow();
        if (held != null) {
            return work.apply(held.connection(server == rds), held.dialect());
        }
        try (Connection c = server.connect()) {
            return work.apply(c, MysqlServer.dialect(c));
        }
    }

    /** The window open on this thread, if any. */
    MysqlWindow heldWindow() {
        MysqlWindow w = window;
        return w != null && w.ownedByThisThread() ? w : null;
    }

    void hold(MysqlWindow w) {
        window = w;
    }

    void release(MysqlWindow w) {
        if (window == w) {
            window = null;
        }
    }

    /** Reads both servers and HAProxy now. Never throws: what cannot be read is reported as such. */
    PairReading read() {
        Set<String> rdsEndpoint = null;
        Set<String> polardbEndpoint = null;
        String haproxyError = null;
        try {
            rdsEndpoint = haproxy.activeServers(config.haproxy().rdsEndpoint().backend());
            polardbEndpoint = haproxy.activeServers(config.haproxy().polardbEndpoint().backend());
        } catch (IOException | RuntimeException e) {
            haproxyError = e.getMessage();
        }
        return new PairReading(read(rds), read(polardb), rdsEndpoint, polardbEndpoint, haproxyError);
    }

    private SideReading read(MysqlServer server) {
        try (Connection c = server.connect()) {
            var dialect = MysqlServer.dialect(c);
            return new SideReading(server.label(), MysqlServer.readOnly(c), MysqlServer.replica(c),
                    MysqlServer.gtidProblem(c, dialect), null);
        } catch (SQLException | RuntimeException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return SideReading.unreachable(server.label(), m);
        }
    }

    /** Whether both endpoints point where they should, read from HAProxy alone. */
    boolean endpointsAre(boolean swapped) throws IOException {
        var h = config.haproxy();
        HaproxyRuntime.Session session = session();
        String forRds = swapped ? h.polardbServer() : h.rdsServer();
        String forPolardb = swapped ? h.rdsServer() : h.polardbServer();
        return haproxy.activeServers(h.rdsEndpoint().backend(), session).equals(Set.of(forRds))
                && haproxy.activeServers(h.polardbEndpoint().backend(), session).equals(Set.of(forPolardb));
    }

    /** Points both endpoints in one conversation with HAProxy. */
    void pointEndpoints(boolean swapped) throws IOException {
        var h = config.haproxy();
        List<String> servers = List.of(h.rdsServer(), h.polardbServer());
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(h.rdsEndpoint().backend(), swapped ? h.polardbServer() : h.rdsServer());
        targets.put(h.polardbEndpoint().backend(), swapped ? h.rdsServer() : h.polardbServer());
        haproxy.pointTo(targets, servers, session());
    }

    private HaproxyRuntime.Session session() {
        MysqlWindow held = heldWindow();
        return held == null ? null : held.haproxy();
    }
}
