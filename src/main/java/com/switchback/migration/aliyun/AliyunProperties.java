package com.switchback.migration.aliyun;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Alibaba Cloud account Switchback watches: which regions, how often, and how it signs in.
 * Credentials come from the environment (an AccessKey pair, with an STS token when given) or, when
 * none is set, from Alibaba Cloud's default credential chain (profile file, ECS RAM role, ...).
 * They are never stored in the database or shown.
 *
 * @param endpoint          one PolarDB OpenAPI host for every region (a private endpoint); blank: each region's
 *                          documented host ({@link PolarDbHosts})
 * @param endpoints         a host per region, for the regions that need another than the documented one
 * @param proxy             an HTTP(S) proxy the calls go through ({@code http://host:port}); blank: none
 * @param activePoll        how often a migration that is moving is read
 * @param idlePoll          how often a cluster with no migration under way is read
 * @param transitionTimeout how long a switch over, rollback or close may take before the step gives up waiting
 * @param acceptGrace       how long after an accepted change the migration may still show its earlier status
 *                          (the service starts the transition a while after it answers); the call is never sent
 *                          again within it
 * @param maxAttempts       attempts of a read that is throttled or fails in transit (with backoff)
 * @param verification      per cluster id: read-only MySQL accounts on both endpoints, for Verify Data
 */
@ConfigurationProperties("switchback.aliyun")
public record AliyunProperties(
        @DefaultValue("false") boolean enabled,
        List<String> regions,
        @DefaultValue("") String endpoint,
        Map<String, String> endpoints,
        @DefaultValue("") String proxy,
        @DefaultValue("https") String protocol,
        String accessKeyId,
        String accessKeySecret,
        String securityToken,
        @DefaultValue("PT5S") Duration activePoll,
        @DefaultValue("PT5M") Duration idlePoll,
        @DefaultValue("PT60M") Duration transitionTimeout,
        @DefaultValue("PT10M") Duration acceptGrace,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("PT1S") Duration backoff,
        Map<String, ReadOnlyAccounts> verification) {

    /** Read-only accounts on the source RDS instance and on the PolarDB cluster (Verify Data reads both directly). */
    public record ReadOnlyAccounts(com.switchback.migration.mysql.MysqlProperties.Server rds,
                                   com.switchback.migration.mysql.MysqlProperties.Server polardb) {
    }

    public AliyunProperties {
        regions = regions == null ? List.of() : List.copyOf(regions);
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
        verification = verification == null ? Map.of() : Map.copyOf(verification);
        endpoint = endpoint == null ? "" : endpoint.strip();
        proxy = proxy == null ? "" : proxy.strip();
    }
}
