package com.switchback.migration.aliyun;

import java.util.Map;
import java.util.Set;

/**
 * Which host serves the PolarDB OpenAPI for a region, as Alibaba Cloud documents it (the PolarDB
 * API's endpoint list; the official SDKs resolve it the same way, rule "regional"): a few central
 * regions share {@code polardb.aliyuncs.com}, every other region has {@code polardb.<region>.aliyuncs.com}.
 * A configured host (one for all regions, or one per region) wins, for test doubles and private endpoints.
 */
final class PolarDbHosts {

    static final String CENTRAL = "polardb.aliyuncs.com";

    /** The regions the documented endpoint list serves from the central host. */
    static final Set<String> CENTRAL_REGIONS = Set.of("cn-hangzhou", "cn-shanghai", "cn-beijing", "cn-qingdao",
            "cn-hangzhou-finance", "cn-shanghai-finance-1", "cn-shenzhen-finance-1", "cn-beijing-finance-1",
            "cn-north-2-gov-1");

    private final String everyRegion;
    private final Map<String, String> perRegion;

    PolarDbHosts(String everyRegion, Map<String, String> perRegion) {
        this.everyRegion = everyRegion == null ? "" : everyRegion;
        this.perRegion = perRegion;
    }

    String forRegion(String region) {
        if (!everyRegion.isEmpty()) {
            return everyRegion;
        }
        String configured = perRegion.get(region);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return documented(region);
    }

    static String documented(String region) {
        if (!region.matches("[a-z0-9-]{2,40}")) {
            throw new IllegalArgumentException("\"" + region + "\" is not a region id (for example cn-hangzhou).");
        }
        return CENTRAL_REGIONS.contains(region) ? CENTRAL : "polardb." + region + ".aliyuncs.com";
    }
}
