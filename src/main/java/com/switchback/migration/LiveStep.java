package com.switchback.migration;

/** A step of a real backend: a fresh read that tells whether its effect is in place, and the effect. */
public record LiveStep(String key, String title, Check done, Effect effect, WindowRole windowRole)
        implements MigrationStep {

    public LiveStep(String key, String title, Check done, Effect effect) {
        this(key, title, done, effect, null);
    }

    @FunctionalInterface
    public interface Check {
        boolean holds() throws Exception;
    }

    @FunctionalInterface
    public interface Effect {
        String run(Fence fence) throws Exception;
    }

    @Override
    public boolean isDone() {
        try {
            return done.holds();
        } catch (Exception e) {
            // Not readable means not known to be done: perform will then say what is wrong.
            return false;
        }
    }

    @Override
    public String perform(Fence fence) throws Exception {
        return effect.run(fence);
    }
}
