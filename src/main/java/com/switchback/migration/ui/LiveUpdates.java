package com.switchback.migration.ui;

import com.switchback.migration.MigrationEvents;
import com.vaadin.flow.component.Component;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps a component current while it is on screen, through its page's one subscription to
 * migration changes ({@link com.switchback.base.ui.LiveHub}): the update runs in the page's lock,
 * together with the page's other live parts, and goes out in one push.
 */
public final class LiveUpdates {

    private LiveUpdates() {
    }

    /** Calls {@code update} with each batch of changed cluster ids, inside the UI's lock. */
    public static void whileAttached(Component component, MigrationEvents events, Consumer<Set<String>> update) {
        com.switchback.base.ui.LiveHub.whileAttached(component, events, update);
    }
}
