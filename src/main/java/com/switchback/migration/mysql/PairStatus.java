package com.switchback.migration.mysql;

import com.switchback.migration.Endpoint;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.ReadWriteMode;
import com.switchback.migration.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a live reading of a pair onto the console's model. The link's direction is the side that
 * replicates; the status follows from it, unless an action in flight has marked the pair.
 */
final class PairStatus {

    private PairStatus() {
    }

    static MigrationSnapshot snapshot(MysqlPair pair, PairReading r, Optional<String> phase) {
        SideReading rds = r.rds();
        SideReading polardb = r.polardb();
        Topology topology = topology(r);
        String status = phase.orElseGet(() -> derivedStatus(r, topology));
        ReplicaStatus link = topology == Topology.RDS2POLARDB ? polardb.replica().orElse(null)
                : topology == Topology.POLARDB2RDS ? rds.replica().orElse(null) : null;
        int latency = link == null || link.secondsBehind() == null ? -1 : link.secondsBehind();
        return new MigrationSnapshot(pair.id(), pair.config().sourceRdsId(), status, mode(rds), mode(polardb),
                topology, latency, pair.config().windowExpires(), comment(r, topology, link, phase.isPresent()),
                endpoints(pair, r));
    }

    static Topology topology(PairReading r) {
        if (r.polardb().replica().isPresent()) {
            return Topology.RDS2POLARDB;
        }
        return r.rds().replica().isPresent() ? Topology.POLARDB2RDS : null;
    }

    private static String derivedStatus(PairReading r, Topology topology) {
        if (!r.rds().reachable() || !r.polardb().reachable()) {
            // What cannot be read is not guessed: the status says so, and no action is offered.
            return MigrationStatus.UNREACHABLE;
        }
        if (topology == null) {
            return MigrationStatus.NO_MIGRATION.name();
        }
        return topology == Topology.RDS2POLARDB ? MigrationStatus.RDS2POLARDB_SYNCING.name()
                : MigrationStatus.POLARDB2RDS_SYNCING.name();
    }

    private static ReadWriteMode mode(SideReading side) {
        if (side.readOnly() == null) {
            return null;
        }
        return side.readOnly() ? ReadWriteMode.ro : ReadWriteMode.rw;
    }

    /** Everything that is wrong, in one exception comment; empty when all is well. */
    private static String comment(PairReading r, Topology topology, ReplicaStatus link, boolean inFlight) {
        List<String> problems = new ArrayList<>();
        for (SideReading side : List.of(r.rds(), r.polardb())) {
            if (!side.reachable()) {
                problems.add(side.error());
            } else if (side.gtidProblem() != null) {
                problems.add(side.label() + ": GTID replication is not usable (" + side.gtidProblem() + ")");
            }
        }
        if (r.rds().replica().isPresent() && r.polardb().replica().isPresent()) {
            problems.add("Both servers replicate from each other: only one link may exist.");
        }
        if (link != null) {
            String replicaSide = topology == Topology.RDS2POLARDB ? "PolarDB" : "Source RDS";
            if (link.error() != null) {
                problems.add("Replication on " + replicaSide + " stopped with an error. " + link.error());
            } else if (!link.running() && !inFlight) {
                problems.add("Replication on " + replicaSide + " is not running (IO thread "
                        + yesNo(link.ioRunning()) + ", SQL thread " + yesNo(link.sqlRunning()) + ").");
            }
        }
        if (topology != null && r.rds().writable() && r.polardb().writable()) {
            problems.add("Both servers are writable while linked.");
        }
        if (r.haproxyError() != null) {
            problems.add(r.haproxyError());
        }
        return String.join(" ", problems);
    }

    private static String yesNo(boolean b) {
        return b ? "Yes" : "No";
    }

    private static List<Endpoint> endpoints(MysqlPair pair, PairReading r) {
        var h = pair.config().haproxy();
        return List.of(endpoint(pair, Endpoint.Side.RDS, h.rdsEndpoint(), r.rdsEndpoint()),
                endpoint(pair, Endpoint.Side.POLARDB, h.polardbEndpoint(), r.polardbEndpoint()));
    }

    private static Endpoint endpoint(MysqlPair pair, Endpoint.Side side, MysqlProperties.Endpoint e, Set<String> pointsTo) {
        String route = pointsTo == null ? "HAProxy → unknown"
                : pointsTo.isEmpty() ? "HAProxy → no server" : "HAProxy → " + String.join(", ", pointsTo);
        // Where it routes is read from HAProxy's servers, never assumed from the endpoint's name.
        var h = pair.config().haproxy();
        Endpoint.Side routesTo = pointsTo == null || pointsTo.size() != 1 ? null
                : pointsTo.contains(h.rdsServer()) ? Endpoint.Side.RDS
                : pointsTo.contains(h.polardbServer()) ? Endpoint.Side.POLARDB : null;
        // The type column says where the endpoint routes; it holds at most 32 characters.
        return new Endpoint(side, e.backend(), route.length() > 32 ? route.substring(0, 31) + "…" : route,
                e.host(), e.port(), "Private", routesTo);
    }
}
