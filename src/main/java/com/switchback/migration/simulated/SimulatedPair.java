package com.switchback.migration.simulated;

import static com.switchback.migration.ReadWriteMode.ro;
import static com.switchback.migration.ReadWriteMode.rw;

import com.switchback.migration.Endpoint.Side;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.PairControl;
import com.switchback.migration.RequestPlan;
import com.switchback.migration.Topology;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The primitives of a simulated pair, for the core's recipe. Positions are the simulated
 * transaction counters; a replica applies what arrived while a catch-up waits for it, as a live link does.
 * Each step's effect takes the configured time and may meet an injected fault.
 */
final class SimulatedPair implements PairControl {

    private final SimulatedCluster c;
    private final SimulatedFaults faults;
    private final StepClock clock;

    /** Sleeps for the simulated duration of a step. */
    interface StepClock {
        void pass() throws InterruptedException;
    }

    private final java.util.function.Supplier<List<RequestPlan.Check>> readiness;

    SimulatedPair(SimulatedCluster c, SimulatedFaults faults, StepClock clock,
                  java.util.function.Supplier<List<RequestPlan.Check>> readiness) {
        this.c = c;
        this.faults = faults;
        this.clock = clock;
        this.readiness = readiness;
    }

    @Override
    public MigrationSnapshot describe() {
        return c.snapshot();
    }

    @Override
    public List<RequestPlan.Check> preChecks(MigrationAction action, boolean swapEndpoints) {
        List<RequestPlan.Check> checks = new java.util.ArrayList<>();
        checks.add(new RequestPlan.Check("Simulated pair", true, "Simulated: no servers are read."));
        if (action.hasEndpointOption()) {
            // As on a real pair, a handover meets the readiness checks too (one registry).
            checks.addAll(readiness.get());
        }
        return checks;
    }

    @Override
    public boolean readOnly(Side side) {
        synchronized (c) {
            return (side == Side.RDS ? c.rdsMode : c.clusterMode) == ro;
        }
    }

    @Override
    public boolean setReadOnly(Side side, boolean on) {
        if (side == Side.RDS) {
            c.setRdsMode(on ? ro : rw);
        } else {
            c.setClusterMode(on ? ro : rw);
        }
        return readOnly(side);
    }

    @Override
    public String writtenPosition(Side side) {
        synchronized (c) {
            return Long.toString(side == Side.RDS ? c.rdsExecuted : c.clusterExecuted);
        }
    }

    @Override
    public boolean hasApplied(Side side, String position) {
        synchronized (c) {
            // What a side applied of the other's transactions; positions count the other side's writes.
            long applied = side == Side.RDS ? c.rdsApplied : c.clusterApplied;
            return applied >= Long.parseLong(position);
        }
    }

    @Override
    public Optional<String> linkProblem(Side replica) {
        synchronized (c) {
            if (c.linkBroken) {
                return Optional.of("The replication link is broken: " + c.comment);
            }
            return into(replica) == c.topology ? Optional.empty() : Optional.of(replica.label() + " does not replicate");
        }
    }

    @Override
    public boolean replicates(Side replica) {
        synchronized (c) {
            return c.topology == into(replica);
        }
    }

    @Override
    public void breakLink(Side replica) {
        synchronized (c) {
            if (c.topology == into(replica)) {
                c.setTopology(null);
            }
        }
    }

    @Override
    public void replicateFromOther(Side replica) {
        c.setTopology(into(replica));
    }

    @Override
    public boolean endpointsAre(boolean swapped) {
        synchronized (c) {
            return c.endpointsSwapped == swapped;
        }
    }

    @Override
    public void pointEndpoints(boolean swapped) {
        c.setEndpointsSwapped(swapped);
    }

    @Override
    public Optional<String> inFlight() {
        synchronized (c) {
            return MigrationStatus.parse(c.status).filter(s -> s == MigrationStatus.SWITCHING
                    || s == MigrationStatus.ROLLBACK || s == MigrationStatus.CLOSING_MIGRATION).map(Enum::name);
        }
    }

    @Override
    public void markInFlight(MigrationStatus status) {
        c.setStatus(status.name());
    }

    @Override
    public boolean settled(MigrationStatus target) {
        synchronized (c) {
            return target.name().equals(c.status);
        }
    }

    @Override
    public void settle(MigrationStatus target) {
        c.setStatus(target.name());
        c.demotedPosition = null;
    }

    @Override
    public void rememberDemotedPosition(String position) {
        c.demotedPosition = position;
    }

    @Override
    public Optional<String> demotedPosition() {
        return Optional.ofNullable(c.demotedPosition);
    }

    @Override
    public String bypassWriters(Side side) {
        return "";
    }

    @Override
    public Duration catchUpTimeout() {
        return Duration.ofSeconds(5);
    }

    @Override
    public void awaitingCatchUp(Side replica) {
        synchronized (c) {
            if (linkProblem(replica).isEmpty()) {
                c.catchUp();
            }
        }
    }

    @Override
    public void beforeEffect(String stepKey) throws Exception {
        clock.pass();
        faults.beforeEffect(c, stepKey);
    }

    @Override
    public void afterEffect(String stepKey) {
        c.countPerform(stepKey);
        if (faults.secondWriterAfter(c, stepKey)) {
            c.setRdsMode(rw);
            c.setClusterMode(rw);
        }
    }

    /** The link direction that carries transactions into {@code replica}. */
    private static Topology into(Side replica) {
        return replica == Side.POLARDB ? Topology.RDS2POLARDB : Topology.POLARDB2RDS;
    }
}
