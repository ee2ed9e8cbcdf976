package com.switchback.migration.simulated;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;

/** Faults injected into the simulation, from configuration or at run time (tests, demos). */
public final class SimulatedFaults {

    private final Set<String> failingSteps = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch[]> heldSteps = new ConcurrentHashMap<>();

    SimulatedFaults(Iterable<String> failSteps) {
        failSteps.forEach(failingSteps::add);
    }

    /** Makes a step fail on a cluster ({@code "*"} for every cluster) until cleared. */
    public void failStep(String clusterId, String stepKey) {
        failingSteps.add(clusterId + ":" + stepKey);
    }

    /**
     * Makes a step hang on a cluster, as a slow backend would: it counts down {@code entered} when it
     * starts and waits for {@code release} before it acts.
     */
    public void holdStep(String clusterId, String stepKey, CountDownLatch entered, CountDownLatch release) {
        heldSteps.put(clusterId + ":" + stepKey, new CountDownLatch[] {entered, release});
    }

    public void clear() {
        failingSteps.clear();
        heldSteps.clear();
    }

    void beforeEffect(SimulatedCluster c, String stepKey) throws InterruptedException {
        CountDownLatch[] hold = heldSteps.get(c.id + ":" + stepKey);
        if (hold != null) {
            hold[0].countDown();
            hold[1].await();
        }
        if (failingSteps.contains(c.id + ":" + stepKey) || failingSteps.contains("*:" + stepKey)) {
            throw new IllegalStateException("Injected fault: the backend refused step '" + stepKey + "' on " + c.id + ".");
        }
    }
}
