package com.switchback.migration.aliyun;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Alibaba Cloud account Switchback watches: which regions, how often, and how it signs in.
 * Credentials come from the environment (an AccessKey pair, with an STS token when given) or, when
 * none is set, from Alibaba Cloud's default credential chain (profile file, ECS RAM role, ...).
 * They are never stored in the database or shown.
 *
 * @param endpoint          the PolarDB OpenAPI host ({@code polardb.aliyuncs.com}); another host:port only for a test double
 * @param activePoll        how often a migration that is moving is read
 * @param idlePoll          how often a cluster with no migration under way is read
 * @param transitionTimeout how long a switch over, rollback or close may take before the step gives up waiting
 * @param maxAttempts       attempts of a read that is throttled or fails in transit (with backoff)
 */
@ConfigurationProperties("switchback.aliyun")
public record AliyunProperties(
        @DefaultValue("false") boolean enabled,
        List<String> regions,
        @DefaultValue("polardb.aliyuncs.com") String endpoint,
        @DefaultValue("https") String protocol,
        String accessKeyId,
        String accessKeySecret,
        String securityToken,
        @DefaultValue("PT5S") Duration activePoll,
        @DefaultValue("PT5M") Duration idlePoll,
        @DefaultValue("PT60M") Duration transitionTimeout,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("PT1S") Duration backoff) {

    public AliyunProperties {
        regions = regions == null ? List.of() : List.copyOf(regions);
    }
}
