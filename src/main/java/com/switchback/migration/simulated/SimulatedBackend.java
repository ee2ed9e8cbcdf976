package com.switchback.migration.simulated;

import com.switchback.migration.ActionOptions;
import com.switchback.migration.ClusterDescription;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationBackend;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStep;
import com.switchback.migration.PairPlans;
import com.switchback.migration.RequestPlan;
import com.switchback.migration.WriteWindow;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Conditional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The demo default: a fleet of simulated RDS → PolarDB pairs with realistic timings, latency
 * that moves, and injectable faults. Always labelled as a simulation in the UI.
 */
@Component
@Conditional(SimulatedFleetCondition.class)
public class SimulatedBackend implements MigrationBackend {

    public static final String NAME = "simulated";

    private final Map<String, SimulatedCluster> fleet = new ConcurrentHashMap<>();
    private final SimulatedProperties properties;
    private final SimulatedFaults faults;

    private final Random random = new Random();
    private final Clock clock;

    SimulatedBackend(SimulatedProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.faults = new SimulatedFaults(properties.failSteps());
        SimulatedFleetSeed.create(properties.clusters(), clock.instant()).forEach(c -> fleet.put(c.id, c));
        properties.brokenLinks().forEach(id -> breakLink(id));
        properties.latencySpikes().forEach(this::spikeLatency);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public List<ClusterDescription> discover() {
        return fleet.values().stream().map(SimulatedCluster::description)
                .sorted(Comparator.comparing(ClusterDescription::clusterId)).toList();
    }

    @Override
    public MigrationSnapshot describe(String clusterId) {
        SimulatedCluster c = cluster(clusterId);
        try {
            faults.beforeRead(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + clusterId, e);
        }
        return c.snapshot();
    }

    @Override
    public List<MigrationStep> plan(String clusterId, MigrationAction action, boolean swapEndpoints) {
        return plan(clusterId, action, new ActionOptions(swapEndpoints, true));
    }

    @Override
    public List<MigrationStep> plan(String clusterId, MigrationAction action, ActionOptions options) {
        return PairPlans.plan(pair(clusterId), action, options);
    }

    @Override
    public List<RequestPlan.Check> preChecks(String clusterId, MigrationAction action, boolean swapEndpoints) {
        return PairPlans.backendChecks(pair(clusterId), action, swapEndpoints);
    }

    @Override
    public com.switchback.migration.DataCheck dataCheck(String clusterId) {
        cluster(clusterId);
        int differences = properties.verificationDifferences().stream()
                .filter(e -> e.startsWith(clusterId + ":") || e.startsWith("*:"))
                .mapToInt(e -> Integer.parseInt(e.substring(e.indexOf(':') + 1).strip())).findFirst().orElse(0);
        return new SimulatedDataCheck(differences, properties.verificationChunkTime());
    }

    @Override
    public String dataCheckUnavailable(String clusterId) {
        cluster(clusterId);
        return null;
    }

    /** The names the `mysql` backend reads from its servers; here simulated, failing where configured. */
    private static final List<String> READINESS = List.of("Tables without a primary key", "Non-InnoDB tables",
            "binlog_format", "Binary log retention", "Databases on PolarDB");

    @Override
    public List<RequestPlan.Check> readiness(String clusterId) {
        cluster(clusterId);
        return READINESS.stream().map(name -> configured(properties.readinessFailures(), clusterId, name)
                        ? RequestPlan.Check.fail(name, "Simulated failure", "Configured by switchback.simulated.readiness-failures.")
                        : configured(properties.readinessWarnings(), clusterId, name)
                        ? RequestPlan.Check.warn(name, "Simulated warning", "Configured by switchback.simulated.readiness-warnings.")
                        : new RequestPlan.Check(name, true, "Simulated: passes"))
                .toList();
    }

    private static boolean configured(List<String> entries, String clusterId, String name) {
        return entries.contains(clusterId + ":" + name) || entries.contains("*:" + name);
    }

    @Override
    public WriteWindow openWriteWindow(String clusterId, boolean endpointsMove) {
        return WriteWindow.lasting(properties.windowTimeout());
    }

    private SimulatedPair pair(String clusterId) {
        return new SimulatedPair(cluster(clusterId), faults, () -> Thread.sleep(properties.stepDuration()),
                () -> readiness(clusterId));
    }

    /** One simulated second for the whole fleet. */
    @Scheduled(fixedRate = 1000)
    void tick() {
        var now = clock.instant();
        fleet.values().forEach(c -> c.tick(random, properties.latencyNoise(), now));
    }

    // --- for tests and demos: shape the simulated world ---

    /** Points the endpoints of a pair (as a Roll Back without endpoints leaves a Switch Over with them). */
    public void pointEndpoints(String clusterId, boolean swapped) {
        cluster(clusterId).setEndpointsSwapped(swapped);
    }

    /** Adds a pair in the usual state of {@code status} (or resets an existing one to it). */
    public SimulatedCluster put(String clusterId, String status, int latencySeconds) {
        SimulatedCluster c = fleet.computeIfAbsent(clusterId, id -> new SimulatedCluster(id, "Test cluster " + id,
                "cn-hangzhou", "MySQL 8.0", "rm-" + id.substring(3)));
        c.expiredTime = clock.instant().plus(java.time.Duration.ofDays(30));
        c.reset(status, latencySeconds);
        // A pair that switched over is taken to have swapped its endpoints, so rolling back swaps them back.
        c.setEndpointsSwapped("POLARDB2RDS_SYNCING".equals(status));
        return c;
    }

    public SimulatedCluster cluster(String clusterId) {
        SimulatedCluster c = fleet.get(clusterId);
        if (c == null) {
            throw new NoSuchElementException("The simulated fleet has no cluster " + clusterId + ".");
        }
        return c;
    }

    public SimulatedFaults faults() {
        return faults;
    }

    /** The link fails as with a conflicting row: an exception comment, no latency. */
    public void breakLink(String clusterId) {
        cluster(clusterId).breakLink("Replication stopped: Error 1062 Duplicate entry '10442' for key 'PRIMARY' "
                + "on table orders.order_item.");
    }

    public void spikeLatency(String clusterId, int seconds) {
        cluster(clusterId).spikeLatency(seconds);
    }
}
