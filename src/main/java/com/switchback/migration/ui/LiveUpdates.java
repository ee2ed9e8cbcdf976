package com.switchback.migration.ui;

import com.switchback.migration.MigrationEvents;
import com.vaadin.flow.component.Component;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Keeps a component current while it is on screen: subscribes to migration changes when it is
 * attached, unsubscribes when it is detached, and runs the update in the component's UI (push).
 */
public final class LiveUpdates {

    private LiveUpdates() {
    }

    /** Calls {@code update} with each batch of changed cluster ids, inside the UI's lock. */
    public static void whileAttached(Component component, MigrationEvents events, Consumer<Set<String>> update) {
        component.addAttachListener(attach -> {
            var ui = attach.getUI();
            Runnable unsubscribe = events.subscribe(ids -> ui.access(() -> {
                update.accept(ids);
                com.switchback.base.ui.PushProbe.updated(ui);
            }));
            component.addDetachListener(detach -> {
                unsubscribe.run();
                detach.unregisterListener();
            });
        });
    }
}
