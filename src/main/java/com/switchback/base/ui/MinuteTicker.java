package com.switchback.base.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One clock for every page that shows a countdown (a maintenance window opening or closing): once a
 * minute it runs each attached page's update in that page's UI (push). One thread for the node, not
 * one per page; a page is forgotten when it is detached.
 */
public final class MinuteTicker {

    private static final List<Runnable> TICKS = new CopyOnWriteArrayList<>();
    private static final ScheduledExecutorService CLOCK = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("minute-ticker").factory());

    static {
        CLOCK.scheduleAtFixedRate(() -> TICKS.forEach(t -> {
            try {
                t.run();
            } catch (RuntimeException e) {
                // A page that went away meanwhile: nothing to update.
            }
        }), 60, 60, TimeUnit.SECONDS);
    }

    private MinuteTicker() {
    }

    /** Runs {@code update} once a minute, inside the component's UI lock, while it is attached. */
    public static void whileAttached(Component component, Runnable update) {
        component.addAttachListener(attach -> {
            var ui = attach.getUI();
            Runnable tick = () -> ui.access(update::run);
            TICKS.add(tick);
            component.addDetachListener(detach -> {
                TICKS.remove(tick);
                detach.unregisterListener();
            });
        });
    }
}
