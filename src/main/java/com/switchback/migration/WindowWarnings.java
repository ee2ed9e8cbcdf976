package com.switchback.migration;

import com.switchback.notification.Event;
import com.switchback.notification.EventMessage;
import com.switchback.notification.Notifier;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells people that a migration window (the vendor's ExpiredTime, after which the link closes by
 * itself) is ending: 7 days, 24 hours and 2 hours before. Each warning is raised once, by whichever
 * node sees it first; a window first seen with less time left gets only the nearest warning.
 */
@Component
class WindowWarnings {

    static final List<Duration> THRESHOLDS = List.of(Duration.ofHours(2), Duration.ofHours(24), Duration.ofDays(7));

    private final JdbcClient jdbc;
    private final Notifier notifier;

    WindowWarnings(JdbcClient jdbc, Notifier notifier) {
        this.jdbc = jdbc;
        this.notifier = notifier;
    }

    @Scheduled(fixedDelayString = "${switchback.notifications.window-check:PT1M}")
    void scheduled() {
        raiseDue(Instant.now());
    }

    /** Raises the warnings due at {@code now}; returns how many were raised by this call. */
    int raiseDue(Instant now) {
        record Window(String clusterId, Instant ends) {
        }
        List<Window> ending = jdbc.sql("""
                        select cluster_id, expired_time from migration
                        where expired_time > :now and expired_time <= :horizon""")
                .param("now", java.sql.Timestamp.from(now))
                .param("horizon", java.sql.Timestamp.from(now.plus(THRESHOLDS.getLast())))
                .query((rs, n) -> new Window(rs.getString(1), rs.getTimestamp(2).toInstant())).list();
        List<EventMessage> due = new java.util.ArrayList<>();
        for (Window w : ending) {
            Duration left = Duration.between(now, w.ends());
            Duration threshold = THRESHOLDS.stream().filter(t -> left.compareTo(t) <= 0).findFirst().orElseThrow();
            String when = MigrationWindow.remaining(w.ends(), now);
            due.add(new EventMessage(Event.WINDOW_ENDING, w.clusterId(), null,
                    "Migration window of " + w.clusterId() + " ends " + when,
                    "The migration window of " + w.clusterId() + " ends " + when + " ("
                            + com.switchback.base.Formats.utc(w.ends()) + "): the replication link then closes by itself. "
                            + "Switch over, roll back or complete before then.",
                    "clusters/" + w.clusterId(), w.clusterId() + " " + w.ends() + " " + threshold));
        }
        return notifier.raiseEachOnce(due);
    }
}
