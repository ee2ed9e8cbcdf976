package com.switchback.migration.simulated;

import com.switchback.migration.MigrationStep;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/** A step of the simulation: its check of live state and its effect, wrapped with timing and faults. */
record SimulatedStep(String key, String title, BooleanSupplier done, Callable<String> effect) implements MigrationStep {

    @Override
    public boolean isDone() {
        return done.getAsBoolean();
    }

    @Override
    public String perform() throws Exception {
        return effect.call();
    }
}
