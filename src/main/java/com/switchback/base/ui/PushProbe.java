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

    PushProbe(@Value("${switchback.diagnostics.push-timing:false}") boolean on) {
        enabled = on;
    }

    /** Inside the UI's lock, after a live update: pushes and logs the time, when measuring. */
    public static void updated(UI ui) {
        if (enabled) {
            ui.push();
            log.info("push-written {} {}", ui.getUIId(), System.currentTimeMillis());
        }
    }
}
