package com.switchback.migration.simulated;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ConcurrentHashMap;

/** Faults injected into the simulation, from configuration or at run time (tests, demos). */
public final class SimulatedFaults {

    private final Set<String> failingSteps = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch[]> heldSteps = new ConcurrentHashMap<>();
    private final Set<String> secondWriterAfter = ConcurrentHashMap.newKeySet();
    private final Map<String, CountDownLatch> heldReads = new ConcurrentHashMap<>();

    SimulatedFaults(Iterable<String> failSteps) {
        failSteps.forEach(failingSteps::add);
    }

    /** Makes a step fail on a cluster ({@code "*"} for every cluster) until cleared. */
    public void failStep(String clusterId, String stepKey) {
        failingSteps.add(clusterId + ":" + stepKey);
    }

    /**
     * Makes a step hang on a cluster once, as a slow backend (or a stalled process) would: it counts
     * down {@code entered} when it starts and waits for {@code release} before it acts.
     */
    public void holdStep(String clusterId, String stepKey, CountDownLatch entered, CountDownLatch release) {
        heldSteps.put(clusterId + ":" + stepKey, new CountDownLatch[] {entered, release});
    }

    /** After this step's effect, the other side becomes writable too (a backend gone wrong). */
    public void secondWriterAfter(String clusterId, String stepKey) {
        secondWriterAfter.add(clusterId + ":" + stepKey);
    }

    /** Every read of the cluster's status waits for {@code release}, as a hung server would. */
    public void holdReads(String clusterId, CountDownLatch release) {
        heldReads.put(clusterId, release);
    }

    public void clear() {
        failingSteps.clear();
        heldSteps.clear();
        secondWriterAfter.clear();
        heldReads.values().forEach(CountDownLatch::countDown);
        heldReads.clear();
    }

    void beforeRead(SimulatedCluster c) throws InterruptedException {
        CountDownLatch hold = heldReads.get(c.id);
        if (hold != null) {
            hold.await();
        }
    }

    boolean secondWriterAfter(SimulatedCluster c, String stepKey) {
        return secondWriterAfter.contains(c.id + ":" + stepKey);
    }

    void beforeEffect(SimulatedCluster c, String stepKey) throws InterruptedException {
        CountDownLatch[] hold = heldSteps.remove(c.id + ":" + stepKey);
        if (hold != null) {
            hold[0].countDown();
            hold[1].await();
        }
        if (failingSteps.contains(c.id + ":" + stepKey) || failingSteps.contains("*:" + stepKey)) {
            throw new IllegalStateException("Injected fault: the backend refused step '" + stepKey + "' on " + c.id + ".");
        }
    }
}
