package com.switchback.migration.aliyun;

import com.switchback.base.ActionRefusedException;
import com.switchback.migration.ActionOptions;
import com.switchback.migration.ClusterDescription;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationBackend;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.MigrationStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Real PolarDB migrations through the Alibaba Cloud OpenAPI (docs/architecture.md §7): discovery with
 * {@code DescribeDBClusters}, status with {@code DescribeDBClusterMigration}, actions with
 * {@code ModifyDBClusterMigration} and {@code CloseDBClusterMigration}. Reads are polite: a
 * migration that is moving is read every few seconds, a cluster without one rarely.
 */
@Component
@ConditionalOnProperty(name = "switchback.aliyun.enabled", havingValue = "true")
public class AliyunBackend implements MigrationBackend {

    /** Why Repair is not offered here. */
    static final String NO_REPAIR = "Repair is not offered on Alibaba Cloud: the service carries out and recovers its "
            + "own transitions; follow it in the Alibaba Cloud console.";

    @Override
    public boolean supports(MigrationAction action) {
        return action != MigrationAction.REPAIR;
    }


    public static final String NAME = "aliyun";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AliyunBackend.class);
    private static final int PAGE_SIZE = 100;

    private record Seen(MigrationSnapshot snapshot, long readAt) {
    }

    private final AliyunProperties properties;
    private final PolarDbApi api;
    private final AliyunPlans plans;
    private final Map<String, String> regionOf = new ConcurrentHashMap<>();
    private final Map<String, Seen> lastSeen = new ConcurrentHashMap<>();
    private final Map<String, String> regionProblems = new ConcurrentHashMap<>();

    AliyunBackend(AliyunProperties properties) {
        this.properties = properties;
        this.api = new PolarDbApi(properties);
        this.plans = new AliyunPlans(this, properties);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean simulated() {
        return false;
    }

    /** Every cluster of every watched region; a region that cannot be read is noted as a problem, the others go on. */
    @Override
    public List<ClusterDescription> discover() {
        List<ClusterDescription> all = new ArrayList<>();
        for (String region : properties.regions()) {
            try {
                all.addAll(discover(region));
                regionProblems.remove(region);
            } catch (AliyunApiException e) {
                regionProblems.put(region, "region " + region + " cannot be reached: " + e.getMessage());
            }
        }
        return all;
    }

    @Override
    public List<String> problems() {
        return List.copyOf(new TreeMap<>(regionProblems).values());
    }

    /**
     * One region, all pages of {@code DescribeDBClusters}. Only PolarDB for MySQL clusters are listed:
     * migration from RDS exists for them alone. {@code Engine} is always {@code POLARDB}; the edition is
     * {@code DBType} (MySQL, PostgreSQL, Oracle).
     */
    private List<ClusterDescription> discover(String region) {
        List<ClusterDescription> all = new ArrayList<>();
        int otherEditions = 0;
        for (int page = 1; ; page++) {
            JsonNode r = api.read(region, "DescribeDBClusters",
                    Map.of("PageSize", String.valueOf(PAGE_SIZE), "PageNumber", String.valueOf(page)));
            int onPage = 0;
            for (JsonNode c : MigrationReading.items(r.path("Items"))) {
                onPage++;
                String dbType = MigrationReading.text(c, "DBType");
                if (!"MySQL".equalsIgnoreCase(dbType)) {
                    otherEditions++;
                    continue;
                }
                String id = MigrationReading.text(c, "DBClusterId");
                regionOf.put(id, region);
                all.add(new ClusterDescription(id, MigrationReading.text(c, "DBClusterDescription"), region,
                        ("PolarDB for " + dbType + " " + MigrationReading.text(c, "DBVersion")).strip(),
                        MigrationReading.text(c, "DBClusterStatus")));
            }
            if (onPage < PAGE_SIZE || page * PAGE_SIZE >= r.path("TotalRecordCount").asInt(0)) {
                if (otherEditions > 0) {
                    log.info("Region {}: {} PolarDB cluster(s) of other editions (PostgreSQL, Oracle) not listed: "
                            + "migration from RDS is for PolarDB for MySQL only.", region, otherEditions);
                }
                return all;
            }
        }
    }

    /**
     * The last reading while it is fresh enough for the cluster's pace; otherwise a new one. While
     * Alibaba Cloud throttles, the last reading is shown with a note saying so, never as if fresh.
     */
    @Override
    public MigrationSnapshot describe(String clusterId) {
        Seen seen = lastSeen.get(clusterId);
        if (seen != null) {
            boolean idle = MigrationStatus.NO_MIGRATION.name().equals(seen.snapshot().status());
            long maxAge = (idle ? properties.idlePoll() : properties.activePoll()).toNanos();
            if (System.nanoTime() - seen.readAt() < maxAge) {
                return seen.snapshot();
            }
        }
        try {
            return read(clusterId);
        } catch (AliyunApiException e) {
            if (seen == null || !e.transientFailure()) {
                throw e;
            }
            MigrationSnapshot s = seen.snapshot();
            String note = "Not refreshed: " + e.getMessage();
            return s.withComment(s.comment().isEmpty() ? note : s.comment() + " " + note, s.delayedSeconds());
        }
    }

    /** A fresh {@code DescribeDBClusterMigration}, as every step uses before it acts. */
    MigrationSnapshot read(String clusterId) {
        MigrationSnapshot s;
        try {
            s = MigrationReading.snapshot(clusterId, api.read(region(clusterId), "DescribeDBClusterMigration",
                    Map.of("DBClusterId", clusterId)));
        } catch (AliyunApiException e) {
            if (!"EngineMigration.NotExist".equals(e.code())) {
                throw e;
            }
            s = MigrationReading.none(clusterId);
        }
        lastSeen.put(clusterId, new Seen(s, System.nanoTime()));
        return s;
    }

    JsonNode change(String clusterId, String action, Map<String, String> parameters) {
        lastSeen.remove(clusterId);
        return api.change(region(clusterId), action, parameters);
    }

    @Override
    public List<MigrationStep> plan(String clusterId, MigrationAction action, boolean swapEndpoints) {
        return plan(clusterId, action, ActionOptions.swap(swapEndpoints));
    }

    @Override
    public List<MigrationStep> plan(String clusterId, MigrationAction action, ActionOptions options) {
        return plans.plan(clusterId, action, options);
    }

    /** Swapping endpoints has the service's own preconditions (EndpointSwap): shown in the plan, enforced first. */
    /**
     * Alibaba Cloud's link is logical replication (DTS-like): it carries rows, not statements, so the
     * statement-format checksum of the mysql backend cannot be used. Verify Data reads both endpoints
     * directly with read-only accounts configured for the cluster, and waits for the reported latency
     * before it takes a difference for real (DD015).
     */
    @Override
    public com.switchback.migration.DataCheck dataCheck(String clusterId) {
        var accounts = properties.verification().get(clusterId);
        if (accounts == null) {
            throw new com.switchback.base.ActionRefusedException(
                    com.switchback.base.i18n.Text.asWritten(dataCheckUnavailable(clusterId)));
        }
        return com.switchback.migration.mysql.DirectDataCheck.open(accounts.rds(), accounts.polardb(),
                () -> describe(clusterId).delayedSeconds(), java.time.Duration.ofSeconds(1));
    }

    @Override
    public String dataCheckUnavailable(String clusterId) {
        return properties.verification().containsKey(clusterId) ? null
                : "Verify Data on Alibaba Cloud needs read-only MySQL accounts for both the source RDS instance and the "
                  + "PolarDB cluster; none are configured for this cluster (switchback.aliyun.verification." + clusterId
                  + ".rds / .polardb).";
    }

    @Override
    public List<com.switchback.migration.RequestPlan.Check> preChecks(String clusterId, MigrationAction action,
                                                                      boolean swapEndpoints) {
        return preChecks(read(clusterId), action, swapEndpoints);
    }

    /** The same checks on a reading the caller already made (the first step's). */
    static List<com.switchback.migration.RequestPlan.Check> preChecks(MigrationSnapshot s, MigrationAction action,
                                                                      boolean swapEndpoints) {
        boolean handover = action == MigrationAction.SWITCH_OVER || action == MigrationAction.ROLL_BACK;
        return handover && swapEndpoints ? EndpointSwap.checks(s) : List.of();
    }

    @Override
    public boolean asksContinueBinlog() {
        return true;
    }

    private String region(String clusterId) {
        String region = regionOf.get(clusterId);
        if (region == null) {
            throw new NoSuchElementException("Cluster " + clusterId + " was not found in the watched regions "
                    + properties.regions() + ".");
        }
        return region;
    }
}
