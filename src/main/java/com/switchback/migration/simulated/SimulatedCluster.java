package com.switchback.migration.simulated;

import static com.switchback.migration.ReadWriteMode.ro;
import static com.switchback.migration.ReadWriteMode.rw;

import com.switchback.migration.ClusterDescription;
import com.switchback.migration.Endpoint;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.ReadWriteMode;
import com.switchback.migration.Topology;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One simulated pair: an RDS instance and a PolarDB cluster, their read/write modes, the link
 * between them and a transaction counter on each side standing in for GTID positions. All state
 * changes go through synchronized methods; the pair records if it ever had two writers.
 */
public final class SimulatedCluster {

    final String id;
    final String description;
    final String region;
    final String engineVersion;
    final String rdsId;

    String status;
    ReadWriteMode rdsMode;
    ReadWriteMode clusterMode;
    Topology topology;
    int baseLatency;
    int latency;
    Instant expiredTime;
    String comment = "";
    boolean linkBroken;
    boolean endpointsSwapped;
    /** The old writer's position right after its demotion, while a handover runs. */
    volatile String demotedPosition;
    /** Transactions executed on each side, and applied from the other side: GTID positions in miniature. */
    long rdsExecuted;
    long clusterExecuted;
    long rdsApplied;
    long clusterApplied;
    /** When a transient status seeded for the demo ends on its own (an operation outside Switchback). */
    Instant settlesAt;

    private boolean twoWritersSeen;
    private final Map<String, Integer> performed = new ConcurrentHashMap<>();

    SimulatedCluster(String id, String description, String region, String engineVersion, String rdsId) {
        this.id = id;
        this.description = description;
        this.region = region;
        this.engineVersion = engineVersion;
        this.rdsId = rdsId;
    }

    /** Puts the pair in the usual state of a status (modes, link, latency). */
    synchronized void reset(String newStatus, int latencySeconds) {
        status = newStatus;
        linkBroken = false;
        comment = "";
        baseLatency = latencySeconds;
        latency = latencySeconds;
        settlesAt = null;
        switch (MigrationStatus.parse(newStatus).orElse(MigrationStatus.RDS2POLARDB_SYNCING)) {
            case NO_MIGRATION -> set(null, rw, null);
            case RDS2POLARDB_CLONING -> {
                set(rw, ro, Topology.RDS2POLARDB);
                latency = -1;
            }
            case RDS2POLARDB_SYNCING -> set(rw, ro, Topology.RDS2POLARDB);
            case SWITCHING -> set(ro, ro, Topology.RDS2POLARDB);
            case POLARDB2RDS_SYNCING -> set(ro, rw, Topology.POLARDB2RDS);
            case ROLLBACK -> set(ro, ro, Topology.POLARDB2RDS);
            case CLOSING_MIGRATION -> set(rw, ro, null);
        }
        if (topology == null) {
            latency = -1;
        }
        // The replica is a few transactions behind the writer, as a live link always is.
        rdsExecuted = clusterExecuted = 100_000;
        rdsApplied = clusterApplied = 100_000;
        if (topology == Topology.RDS2POLARDB) {
            clusterApplied -= 12;
        } else if (topology == Topology.POLARDB2RDS) {
            rdsApplied -= 12;
        }
    }

    private void set(ReadWriteMode rds, ReadWriteMode cluster, Topology link) {
        rdsMode = rds;
        clusterMode = cluster;
        topology = link;
        check();
    }

    synchronized void setStatus(String s) {
        status = s;
    }

    synchronized void setRdsMode(ReadWriteMode m) {
        rdsMode = m;
        check();
    }

    synchronized void setClusterMode(ReadWriteMode m) {
        clusterMode = m;
        check();
    }

    synchronized void setTopology(Topology t) {
        topology = t;
        if (t == null) {
            latency = -1;
        } else if (latency < 0 && !linkBroken) {
            // A new link measures its latency again.
            latency = baseLatency;
        }
        check();
    }

    synchronized void setEndpointsSwapped(boolean swapped) {
        endpointsSwapped = swapped;
    }

    synchronized void breakLink(String error) {
        linkBroken = true;
        comment = error;
        latency = -1;
    }

    synchronized void spikeLatency(int seconds) {
        baseLatency = seconds;
        latency = seconds;
    }

    /** Applies every transaction of the writer on the replica (the catch-up finishes). */
    synchronized void catchUp() {
        if (topology == Topology.POLARDB2RDS) {
            rdsApplied = clusterExecuted;
        } else {
            clusterApplied = rdsExecuted;
        }
    }

    /** One second of simulated life: writes on the writable side, replication, latency noise. */
    synchronized void tick(java.util.Random random, boolean noise, Instant now) {
        if (rdsMode == rw) {
            rdsExecuted += 20 + random.nextInt(40);
        }
        if (clusterMode == rw) {
            clusterExecuted += 20 + random.nextInt(40);
        }
        if (topology != null && !linkBroken) {
            // The replica applies most of what arrived; the rest is the replication latency.
            if (topology == Topology.RDS2POLARDB) {
                clusterApplied = Math.max(clusterApplied, rdsExecuted - 5);
            } else {
                rdsApplied = Math.max(rdsApplied, clusterExecuted - 5);
            }
            if (noise && latency >= 0) {
                int step = random.nextInt(5) - 2;
                latency = Math.max(0, Math.min(baseLatency + 15, Math.max(baseLatency / 2, latency + step)));
            }
        }
        if (settlesAt != null && now.isAfter(settlesAt)) {
            settle();
        }
    }

    private void settle() {
        switch (MigrationStatus.parse(status).orElse(MigrationStatus.NO_MIGRATION)) {
            case SWITCHING -> {
                set(ro, rw, Topology.POLARDB2RDS);
                status = MigrationStatus.POLARDB2RDS_SYNCING.name();
            }
            case ROLLBACK -> {
                set(rw, ro, Topology.RDS2POLARDB);
                status = MigrationStatus.RDS2POLARDB_SYNCING.name();
            }
            case CLOSING_MIGRATION -> {
                set(null, rw, null);
                status = MigrationStatus.NO_MIGRATION.name();
            }
            default -> {
            }
        }
        latency = topology == null ? -1 : baseLatency;
        settlesAt = null;
    }

    private void check() {
        if (topology != null && rdsMode == rw && clusterMode == rw) {
            twoWritersSeen = true;
        }
    }

    /** Whether the pair was ever writable on both sides while linked. Must stay false. */
    public synchronized boolean twoWritersSeen() {
        return twoWritersSeen;
    }

    void countPerform(String stepKey) {
        performed.merge(stepKey, 1, Integer::sum);
    }

    /** How many times a step actually acted on this pair (not counting skips of steps already in effect). */
    public int performCount(String stepKey) {
        return performed.getOrDefault(stepKey, 0);
    }

    ClusterDescription description() {
        return new ClusterDescription(id, description, region, engineVersion, "Running");
    }

    synchronized MigrationSnapshot snapshot() {
        boolean migrating = !MigrationStatus.NO_MIGRATION.name().equals(status);
        return new MigrationSnapshot(id, migrating ? rdsId : null, status, migrating ? rdsMode : null, clusterMode,
                topology, latency, migrating ? expiredTime : null, comment, endpoints(migrating));
    }

    private List<Endpoint> endpoints(boolean migrating) {
        String rdsPrimary = rdsId + ".mysql.rds.aliyuncs.com";
        String clusterPrimary = id + ".mysql.polardb.rds.aliyuncs.com";
        List<Endpoint> list = new ArrayList<>();
        list.add(new Endpoint(Endpoint.Side.POLARDB, "pe-" + id.substring(3) + "-cluster", "Cluster",
                id + ".rwlb.polardb.rds.aliyuncs.com", 3306, "Private"));
        // Names stay with their side; a swap changes where each routes (as HAProxy frontends do).
        list.add(new Endpoint(Endpoint.Side.POLARDB, "pe-" + id.substring(3) + "-primary", "Primary",
                clusterPrimary, 3306, "Private", endpointsSwapped ? Endpoint.Side.RDS : Endpoint.Side.POLARDB));
        if (migrating) {
            list.add(new Endpoint(Endpoint.Side.RDS, rdsId + "-normal", "Primary",
                    rdsPrimary, 3306, "Private", endpointsSwapped ? Endpoint.Side.POLARDB : Endpoint.Side.RDS));
        }
        return list;
    }
}
