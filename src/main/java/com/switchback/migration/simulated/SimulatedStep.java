package com.switchback.migration.simulated;

import com.switchback.migration.Fence;
import com.switchback.migration.MigrationStep;
import java.util.function.BooleanSupplier;

/** A step of the simulation: its check of live state and its effect, wrapped with timing and faults. */
record SimulatedStep(String key, String title, BooleanSupplier done, Effect effect) implements MigrationStep {

    @FunctionalInterface
    interface Effect {
        String run(Fence fence) throws Exception;
    }

    @Override
    public boolean isDone() {
        return done.getAsBoolean();
    }

    @Override
    public String perform(Fence fence) throws Exception {
        return effect.run(fence);
    }
}
