package com.switchback.base;

import java.util.List;

/**
 * Alerts every page shows in red at the top until their cause is gone, such as a safety stop.
 * Features provide these as beans; the layout shows them and keeps them current.
 */
public interface LiveAlert {

    /** One alert: what happened, and the route path that shows it. */
    record Alert(String text, String link) {
    }

    /** The alerts now. */
    List<Alert> alerts();

}
