package com.switchback.migration.mysql;

import com.switchback.migration.ActionOptions;
import com.switchback.migration.ClusterDescription;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationBackend;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStep;
import com.switchback.migration.PairPlans;
import com.switchback.migration.WriteWindow;
import com.switchback.migration.RequestPlan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;

/**
 * Self-managed MySQL/MariaDB pairs whose endpoints are HAProxy frontends (docs/architecture.md §7). Status
 * is read from the servers on every call; actions are steps that re-read them before acting.
 */
@Component
public class MysqlBackend implements MigrationBackend {

    public static final String NAME = "mysql";

    private final Map<String, MysqlPair> pairs = new LinkedHashMap<>();
    private final MysqlPhases phases;

    MysqlBackend(MysqlProperties properties, MysqlPhases phases) {
        this.phases = phases;
        for (MysqlProperties.Pair p : properties.pairs()) {
            String problem = p.problem();
            if (problem != null) {
                throw new IllegalStateException("switchback.mysql: " + problem + " (see the README).");
            }
            pairs.put(p.clusterId(), new MysqlPair(p));
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean simulated() {
        return false;
    }

    @Override
    public List<ClusterDescription> discover() {
        return pairs.values().stream().map(p -> new ClusterDescription(p.id(),
                p.config().description().isBlank() ? "MySQL pair " + p.config().rds().address() + " → "
                        + p.config().polardb().address() : p.config().description(),
                p.config().region(), "MySQL-protocol pair", "Running")).toList();
    }

    @Override
    public MigrationSnapshot describe(String clusterId) {
        MysqlPair p = pair(clusterId);
        return PairStatus.snapshot(p, p.read(), phases.current(clusterId));
    }

    @Override
    public List<MigrationStep> plan(String clusterId, MigrationAction action, boolean swapEndpoints) {
        return plan(clusterId, action, new ActionOptions(swapEndpoints, true));
    }

    @Override
    public List<MigrationStep> plan(String clusterId, MigrationAction action, ActionOptions options) {
        return PairPlans.plan(new MysqlPairControl(pair(clusterId), phases), action, options);
    }

    @Override
    public List<RequestPlan.Check> readiness(String clusterId) {
        return MysqlPreChecks.readiness(pair(clusterId));
    }

    @Override
    public WriteWindow openWriteWindow(String clusterId, boolean endpointsMove) throws Exception {
        return new MysqlWindow(pair(clusterId), phases, endpointsMove);
    }

    @Override
    public List<RequestPlan.Check> preChecks(String clusterId, MigrationAction action, boolean swapEndpoints) {
        return PairPlans.backendChecks(new MysqlPairControl(pair(clusterId), phases), action, swapEndpoints);
    }

    @Override
    public com.switchback.migration.DataCheck dataCheck(String clusterId) {
        // The replica must apply a chunk's checksum within the catch-up timeout; a differing chunk is read again after 1 s.
        return MysqlDataCheck.open(pair(clusterId), pair(clusterId).config().catchUpTimeout(), java.time.Duration.ofSeconds(1));
    }

    /**
     * A configured pair can be verified; read from configuration alone, since the cluster page asks
     * on every visit. A pair whose link does not run is said when its verification starts (it fails
     * saying so).
     */
    @Override
    public String dataCheckUnavailable(String clusterId) {
        pair(clusterId);
        return null;
    }

    private MysqlPair pair(String clusterId) {
        MysqlPair p = pairs.get(clusterId);
        if (p == null) {
            throw new NoSuchElementException("No MySQL pair " + clusterId + " is configured.");
        }
        return p;
    }
}
