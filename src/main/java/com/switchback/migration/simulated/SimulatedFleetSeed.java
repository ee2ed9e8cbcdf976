package com.switchback.migration.simulated;

import com.switchback.migration.MigrationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo fleet: the same clusters every run, spread over every migration status, some with
 * exception comments, some too far behind to switch over, one with a status Switchback does not know.
 */
final class SimulatedFleetSeed {

    private static final String[] REGIONS = {"cn-hangzhou", "cn-shanghai", "cn-beijing", "ap-southeast-1", "eu-central-1"};
    private static final String[] ENGINES = {"MySQL 8.0", "MySQL 8.0", "MySQL 5.7"};
    private static final String[] SYSTEMS = {"orders", "payments", "inventory", "billing", "catalog", "accounts",
            "shipping", "reviews", "search-index", "loyalty", "ledger", "crm"};
    /** Weighted so the common states are common; every status occurs. */
    private static final String[] STATUSES = {
            "RDS2POLARDB_SYNCING", "POLARDB2RDS_SYNCING", "RDS2POLARDB_SYNCING", "NO_MIGRATION",
            "RDS2POLARDB_CLONING", "POLARDB2RDS_SYNCING", "RDS2POLARDB_SYNCING", "SWITCHING",
            "ROLLBACK", "CLOSING_MIGRATION", "RDS2POLARDB_SYNCING", "POLARDB2RDS_SYNCING"};
    static final String UNKNOWN_STATUS = "PRECHECK_FAILED";

    private SimulatedFleetSeed() {
    }

    static List<SimulatedCluster> create(int count, Instant now) {
        Random random = new Random(20261124L);
        List<SimulatedCluster> fleet = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String suffix = randomId(random);
            String system = SYSTEMS[i % SYSTEMS.length];
            String env = i % 3 == 0 ? "prod" : i % 3 == 1 ? "staging" : "prod-replica";
            SimulatedCluster c = new SimulatedCluster("pc-" + suffix, system + "-" + env + "-" + (i + 1),
                    REGIONS[random.nextInt(REGIONS.length)], ENGINES[random.nextInt(ENGINES.length)],
                    "rm-" + randomId(random));
            String status = i == 13 ? UNKNOWN_STATUS : STATUSES[i % STATUSES.length];
            int latency = i % 7 == 5 ? 75 + random.nextInt(200) : 1 + random.nextInt(8);
            c.expiredTime = now.plus(Duration.ofDays(1 + random.nextInt(29))).plus(Duration.ofMinutes(random.nextInt(1440)));
            c.reset(status, latency);
            c.endpointsSwapped = status.equals("POLARDB2RDS_SYNCING") && random.nextBoolean();
            if (i % 9 == 4 && !status.equals("NO_MIGRATION")) {
                c.breakLink("Replication stopped: Error 1146 Table 'shop.order_archive' doesn't exist.");
            }
            if (MigrationStatus.parse(status).map(s -> s == MigrationStatus.SWITCHING
                    || s == MigrationStatus.ROLLBACK || s == MigrationStatus.CLOSING_MIGRATION).orElse(false)) {
                // Started outside Switchback: finishes on its own after a few minutes.
                c.settlesAt = now.plus(Duration.ofMinutes(2 + random.nextInt(5)));
            }
            fleet.add(c);
        }
        return fleet;
    }

    private static String randomId(Random random) {
        String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(chars.charAt(random.nextInt(chars.length())));
        }
        return sb.toString();
    }
}
