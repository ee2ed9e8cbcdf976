package com.switchback.migration.simulated;

import com.switchback.base.DemoMode;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The simulated fleet runs when {@code switchback.simulated.enabled} says so, and otherwise only on
 * the demo ({@link DemoMode#decide}): a production database, or a real backend, never gets
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
        return DemoMode.decide(env);
    }
}
