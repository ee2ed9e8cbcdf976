package com.switchback.migration.mysql;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Self-managed pairs of MySQL-protocol servers, each with two HAProxy endpoints. Passwords are
 * bound from the environment (see the README) and never stored in the database or shown.
 */
@ConfigurationProperties("switchback.mysql")
public record MysqlProperties(List<Pair> pairs) {

    public MysqlProperties {
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
    }

    /**
     * One migration: the "RDS" side (the source) and the "PolarDB" side (the destination).
     *
     * @param catchUpTimeout how long the new writer may take to apply the old writer's last transaction
     *                       before the action undoes itself
     */
    public record Pair(
            String clusterId,
            String sourceRdsId,
            @DefaultValue("") String description,
            @DefaultValue("self-managed") String region,
            Server rds,
            Server polardb,
            Account replication,
            Haproxy haproxy,
            @DefaultValue("PT60S") Duration catchUpTimeout,
            // The migration window a self-managed pair keeps (like the vendor's ExpiredTime); none when unset.
            java.time.Instant windowExpires) {

        /** A readable complaint about the first thing missing, or null when the pair is usable. */
        String problem() {
            if (clusterId == null || clusterId.isBlank()) {
                return "a pair has no cluster-id";
            }
            String where = "pair " + clusterId + ": ";
            if (sourceRdsId == null || sourceRdsId.isBlank()) {
                return where + "source-rds-id is missing";
            }
            if (rds == null || rds.host() == null || polardb == null || polardb.host() == null) {
                return where + "both rds.host and polardb.host are required";
            }
            if (replication == null || replication.user() == null) {
                return where + "replication.user is required";
            }
            if (haproxy == null || haproxy.runtimeApi() == null || haproxy.rdsEndpoint() == null
                    || haproxy.polardbEndpoint() == null) {
                return where + "haproxy.runtime-api and both haproxy endpoints are required";
            }
            return null;
        }
    }

    /**
     * A server and the admin account Switchback uses on it (it needs to set {@code read_only} and
     * manage replication). {@code replicationHost}/{@code replicationPort} are how the other server
     * reaches it, when that differs from how Switchback does.
     */
    public record Server(String host, @DefaultValue("3306") int port, String user, String password,
                         String replicationHost, Integer replicationPort) {

        String linkHost() {
            return replicationHost == null || replicationHost.isBlank() ? host : replicationHost;
        }

        int linkPort() {
            return replicationPort == null ? port : replicationPort;
        }

        String address() {
            return host + ":" + port;
        }
    }

    /** The account each server uses to replicate from the other (it must exist on both). */
    public record Account(String user, String password) {
    }

    /**
     * HAProxy: its runtime API ({@code host:port} or a Unix socket path) and the two endpoints. Each
     * endpoint's backend holds both servers under the names {@code rdsServer} and {@code polardbServer};
     * the one not in maintenance is where the endpoint points.
     */
    public record Haproxy(String runtimeApi, Endpoint rdsEndpoint, Endpoint polardbEndpoint,
                          @DefaultValue("rds") String rdsServer, @DefaultValue("polardb") String polardbServer) {
    }

    /** A TCP frontend as clients know it, and the HAProxy backend behind it. */
    public record Endpoint(String backend, String host, int port) {
    }
}
