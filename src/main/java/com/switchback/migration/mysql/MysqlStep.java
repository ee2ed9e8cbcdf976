package com.switchback.migration.mysql;

import com.switchback.migration.MigrationStep;

/** A step on a real pair: a fresh read that tells whether its effect is in place, and the effect. */
record MysqlStep(String key, String title, Check done, Effect effect) implements MigrationStep {

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    @FunctionalInterface
    interface Effect {
        String run() throws Exception;
    }

    @Override
    public boolean isDone() {
        try {
            return done.holds();
        } catch (Exception e) {
            // Not readable means not known to be done: perform() will then say what is wrong.
            return false;
        }
    }

    @Override
    public String perform() throws Exception {
        return effect.run();
    }
}
