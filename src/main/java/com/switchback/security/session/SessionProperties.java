package com.switchback.security.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a logged-in session lives (docs/security.md, "Sessions").
 *
 * @param idleTimeout   ends a session with no click or key press in any of its tabs for this long;
 *                      Vaadin's heartbeat and pushed updates do not count as activity
 * @param lifetime      ends every session this long after its login, active or not
 * @param sweep         how often each node looks for sessions to end (ended elsewhere, idle, too old)
 * @param activityEvery at most one activity record per tab in this period
 */
@ConfigurationProperties("switchback.sessions")
public record SessionProperties(
        @DefaultValue("PT30M") Duration idleTimeout,
        @DefaultValue("PT12H") Duration lifetime,
        @DefaultValue("PT5S") Duration sweep,
        @DefaultValue("PT30S") Duration activityEvery) {
}
