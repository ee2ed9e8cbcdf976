package com.switchback.base.ui;

import com.switchback.base.LiveChanges;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a page current: one subscription to the console's changes per browser page (UI), however
 * many parts of the page show live state (the frame's badges, alerts and notices, a section, a
 * list). Each change is applied to all of them in one access to the page, so the page gets one push
 * message per change instead of one per part.
 */
public final class LiveHub {

    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);

    private final UI ui;
    private final LiveChanges changes;
    private final List<Consumer<Set<String>>> updates = new CopyOnWriteArrayList<>();
    /** Touched only under the page's lock (attach and detach). */
    private Runnable unsubscribe;

    private LiveHub(UI ui, LiveChanges changes) {
        this.ui = ui;
        this.changes = changes;
    }

    /** Calls {@code update} with each batch of changed cluster ids, inside the page's lock, while attached. */
    public static void whileAttached(Component component, LiveChanges changes, Consumer<Set<String>> update) {
        component.addAttachListener(attach -> {
            Runnable remove = of(attach.getUI(), changes).add(update);
            component.addDetachListener(detach -> {
                remove.run();
                detach.unregisterListener();
            });
        });
    }

    private static LiveHub of(UI ui, LiveChanges changes) {
        LiveHub hub = ComponentUtil.getData(ui, LiveHub.class);
        if (hub == null) {
            hub = new LiveHub(ui, changes);
            ComponentUtil.setData(ui, LiveHub.class, hub);
        }
        return hub;
    }

    private Runnable add(Consumer<Set<String>> update) {
        updates.add(update);
        if (unsubscribe == null) {
            unsubscribe = changes.subscribe(this::deliver);
        }
        return () -> {
            updates.remove(update);
            if (updates.isEmpty() && unsubscribe != null) {
                unsubscribe.run();
                unsubscribe = null;
            }
        };
    }

    private void deliver(Set<String> changed) {
        long queuedAt = System.nanoTime();
        ui.access(() -> {
            long startedAt = System.nanoTime();
            for (Consumer<Set<String>> update : updates) {
                try {
                    update.accept(changed);
                } catch (RuntimeException e) {
                    // One part failing must not keep the others from showing the change.
                    log.warn("A live update failed", e);
                }
            }
            PushProbe.updated(ui, queuedAt, startedAt);
        });
    }
}
