package com.switchback.migration.simulated;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The simulated fleet: how many clusters, how long a step takes, and faults to inject.
 *
 * @param failSteps     entries {@code clusterId:stepKey} (or {@code *:stepKey}): that step fails
 * @param brokenLinks   clusters whose replication link is broken from the start
 * @param latencySpikes cluster id → latency in seconds, held until changed
 * @param windowTimeout how long a run holds its lease for a read-only window (default: four steps and 30 s)
 * @param readinessFailures entries {@code clusterId:check name} (or {@code *:check name}): that readiness check fails
 * @param readinessWarnings entries of the same form: that readiness check warns
 * @param verificationDifferences entries {@code clusterId:n} (or {@code *:n}): Verify Data finds n differing rows
 * @param verificationChunkTime how long a simulated chunk of Verify Data takes (default: a twentieth of a step)
 */
@ConfigurationProperties("switchback.simulated")
public record SimulatedProperties(
        int clusters,
        Duration stepDuration,
        boolean latencyNoise,
        List<String> failSteps,
        List<String> brokenLinks,
        Map<String, Integer> latencySpikes,
        Duration windowTimeout,
        List<String> readinessFailures,
        List<String> readinessWarnings,
        List<String> verificationDifferences,
        Duration verificationChunkTime) {

    public SimulatedProperties {
        clusters = clusters <= 0 ? 60 : clusters;
        stepDuration = stepDuration == null ? Duration.ofSeconds(3) : stepDuration;
        failSteps = failSteps == null ? List.of() : List.copyOf(failSteps);
        brokenLinks = brokenLinks == null ? List.of() : List.copyOf(brokenLinks);
        latencySpikes = latencySpikes == null ? Map.of() : Map.copyOf(latencySpikes);
        readinessFailures = readinessFailures == null ? List.of() : List.copyOf(readinessFailures);
        readinessWarnings = readinessWarnings == null ? List.of() : List.copyOf(readinessWarnings);
        verificationDifferences = verificationDifferences == null ? List.of() : List.copyOf(verificationDifferences);
        verificationChunkTime = verificationChunkTime == null ? stepDuration.dividedBy(20) : verificationChunkTime;
        windowTimeout = windowTimeout == null ? stepDuration.multipliedBy(4).plusSeconds(30) : windowTimeout;
    }
}
