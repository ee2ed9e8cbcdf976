package com.switchback.base;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The background clock: polling, the executor, event delivery, the simulation's ticks. Tests
 * turn it off and drive each of these themselves, so nothing moves behind their back.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "switchback.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfig {
}
