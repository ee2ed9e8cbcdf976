package com.switchback.base;

import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * Whether this instance runs as the labelled demo: embedded PostgreSQL, simulated fleet and
 * demo accounts with a published password. Decided once at start-up, and it fails closed: only
 * with no datasource configured and no real backend configured. A deployment that loses its
 * {@code SPRING_DATASOURCE_URL} but still has a {@code mysql} pair or {@code aliyun} configured
 * starts without demo accounts (and its first admin comes from the environment).
 */
public record DemoMode(boolean enabled) {

    /** The one rule, used for the bean and for the simulated fleet's condition alike. */
    public static boolean decide(PropertyResolver env) {
        boolean embeddedDatabase = !StringUtils.hasText(env.getProperty("spring.datasource.url"));
        return embeddedDatabase && !realBackendConfigured(env);
    }

    /** A self-managed pair or the Alibaba Cloud backend: something that drives real databases. */
    public static boolean realBackendConfigured(PropertyResolver env) {
        return StringUtils.hasText(env.getProperty("switchback.mysql.pairs[0].cluster-id"))
                || StringUtils.hasText(env.getProperty("switchback.mysql.pairs[0].clusterId"))
                || "true".equalsIgnoreCase(env.getProperty("switchback.aliyun.enabled", "").strip());
    }
}
