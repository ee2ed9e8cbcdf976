package com.switchback.migration.simulated;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The simulated fleet runs when {@code switchback.simulated.enabled} says so, and otherwise only on
 * the embedded demo default (no {@code spring.datasource.url}): a production database never gets
 * simulated clusters by accident.
 */
class SimulatedFleetCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var env = context.getEnvironment();
        String explicit = env.getProperty("switchback.simulated.enabled");
        if (StringUtils.hasText(explicit)) {
            return Boolean.parseBoolean(explicit.strip());
        }
        return !StringUtils.hasText(env.getProperty("spring.datasource.url"));
    }
}
