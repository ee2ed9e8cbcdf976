package com.switchback.migration.aliyun;

import com.switchback.migration.Endpoint;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.ReadWriteMode;
import com.switchback.migration.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Maps {@code DescribeDBClusterMigration}'s answer onto the console's model, keeping unknown values raw. */
final class MigrationReading {

    private MigrationReading() {
    }

    /**
     * The documented answer. A cluster without a migration answers {@code MigrationStatus = NO_MIGRATION}
     * (the API's own way; an empty status is read the same).
     */
    static MigrationSnapshot snapshot(String clusterId, JsonNode r) {
        String status = text(r, "MigrationStatus");
        return new MigrationSnapshot(clusterId, text(r, "SourceRDSDBInstanceId"),
                status.isEmpty() ? MigrationStatus.NO_MIGRATION.name() : status,
                mode(text(r, "RdsReadWriteMode")), mode(text(r, "DBClusterReadWriteMode")),
                topology(text(r, "Topologies")),
                r.path("DelayedSeconds").isMissingNode() ? -1 : r.path("DelayedSeconds").asInt(-1),
                instant(text(r, "ExpiredTime")), text(r, "Comment"), endpoints(r), clip(text(r, "SrcDbType"), 32));
    }

    /** A cluster with no migration, said as an error ({@code EngineMigration.NotExist}), which no document lists. */
    static MigrationSnapshot none(String clusterId) {
        return new MigrationSnapshot(clusterId, null, MigrationStatus.NO_MIGRATION.name(), null, null, null, -1, null,
                "", List.of());
    }

    private static List<Endpoint> endpoints(JsonNode r) {
        List<Endpoint> out = new ArrayList<>();
        add(out, Endpoint.Side.RDS, r.path("RdsEndpointList"));
        add(out, Endpoint.Side.POLARDB, r.path("DBClusterEndpointList"));
        return out;
    }

    private static void add(List<Endpoint> out, Endpoint.Side side, JsonNode list) {
        for (JsonNode e : items(list)) {
            for (JsonNode a : items(e.path("AddressItems"))) {
                out.add(new Endpoint(side, clip(text(e, "DBEndpointId"), 64), clip(text(e, "EndpointType"), 32),
                        clip(text(a, "ConnectionString"), 256), a.path("Port").asInt(0), clip(text(a, "NetType"), 16)));
            }
        }
    }

    /** The API wraps some lists in an object ({@code {"Address": [...]}}); accept both shapes. */
    static Iterable<JsonNode> items(JsonNode node) {
        if (node.isArray()) {
            return node;
        }
        if (node.isObject() && node.size() == 1) {
            JsonNode inner = node.iterator().next();
            if (inner.isArray()) {
                return inner;
            }
        }
        return List.of();
    }

    private static ReadWriteMode mode(String value) {
        return switch (value) {
            case "rw" -> ReadWriteMode.rw;
            case "ro" -> ReadWriteMode.ro;
            default -> null;
        };
    }

    private static Topology topology(String value) {
        return switch (value) {
            case "RDS2POLARDB" -> Topology.RDS2POLARDB;
            case "POLARDB2RDS" -> Topology.POLARDB2RDS;
            default -> null;
        };
    }

    private static Instant instant(String value) {
        try {
            return value.isEmpty() ? null : Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isMissingNode() || v.isNull() ? "" : v.asString();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
