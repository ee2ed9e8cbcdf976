package com.switchback.migration.simulated;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Faults injected into the simulation, from configuration or at run time (tests, demos). */
public final class SimulatedFaults {

    private final Set<String> failingSteps = ConcurrentHashMap.newKeySet();

    SimulatedFaults(Iterable<String> failSteps) {
        failSteps.forEach(failingSteps::add);
    }

    /** Makes a step fail on a cluster ({@code "*"} for every cluster) until cleared. */
    public void failStep(String clusterId, String stepKey) {
        failingSteps.add(clusterId + ":" + stepKey);
    }

    public void clear() {
        failingSteps.clear();
    }

    void beforeEffect(SimulatedCluster c, String stepKey) {
        if (failingSteps.contains(c.id + ":" + stepKey) || failingSteps.contains("*:" + stepKey)) {
            throw new IllegalStateException("Injected fault: the backend refused step '" + stepKey + "' on " + c.id + ".");
        }
    }
}
