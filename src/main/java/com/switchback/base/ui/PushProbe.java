package com.switchback.base.ui;

import com.vaadin.flow.component.UI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Measures the server's share of a live update (for the benchmark `LiveStatusBench`): with
 * {@code switchback.diagnostics.push-timing=true}, a page that applied a change pushes it at once and
 * logs the wall-clock time its push message was handed to the connection. Off by default: then it
 * does nothing, and the push goes out as usual when the page's lock is released.
 */
@Component
public class PushProbe {

    private static final Logger log = LoggerFactory.getLogger(PushProbe.class);
    private static volatile boolean enabled;
    /** Writes the probe's lines, so the measurement does not lengthen the page's lock it measures. */
    private static volatile java.util.concurrent.Executor logWriter = Runnable::run;

    PushProbe(@Value("${switchback.diagnostics.push-timing:false}") boolean on) {
        enabled = on;
        if (on) {
            logWriter = java.util.concurrent.Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().daemon().name("push-probe-log").factory());
        }
    }

    /**
     * Inside the UI's lock, after a live update: pushes, and logs the wall-clock time the message was
     * written, how long the page's update and push took (its work), and how long the change waited
     * for the page's lock and a thread before that (nanoTime stamps taken by the caller).
     */
    public static void updated(UI ui, long queuedAt, long startedAt) {
        if (enabled) {
            ui.push();
            long done = System.nanoTime();
            long writtenAt = System.currentTimeMillis();
            int id = ui.getUIId();
            logWriter.execute(() -> log.info("push-written {} work-us={} wait-us={} {}", id, (done - startedAt) / 1000,
                    (startedAt - queuedAt) / 1000, writtenAt));
        }
    }
}
