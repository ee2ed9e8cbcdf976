package com.switchback.migration;

import com.switchback.audit.Actor;
import com.switchback.base.Notice;
import com.switchback.base.Notice.Tone;
import com.switchback.notification.Event;
import com.switchback.notification.EventMessage;
import com.switchback.notification.Notifier;
import com.switchback.base.NoticeFeed;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Request events, as the one catalogue of events ({@link Event}) names them: which move of the
 * lifecycle is which event, and its words. {@link RequestLifecycle} emits them in the move's own
 * transaction through the {@link Notifier} (in-app notices and channel messages alike); the console
 * shows a person's notices on any page they have open ({@link NoticeFeed}).
 */
@Component
public class RequestNotices implements NoticeFeed {

    /** Which event each move is. */
    static final Map<RequestTransition, Event> CATALOGUE = Map.of(
            RequestTransition.APPROVE, Event.REQUEST_APPROVED,
            RequestTransition.REJECT, Event.REQUEST_REJECTED,
            RequestTransition.WITHDRAW, Event.REQUEST_WITHDRAWN,
            RequestTransition.EXPIRE, Event.REQUEST_EXPIRED,
            RequestTransition.CLAIM, Event.EXECUTION_STARTED,
            RequestTransition.RESUME, Event.EXECUTION_STARTED,
            RequestTransition.SUCCEED, Event.EXECUTION_SUCCEEDED,
            RequestTransition.FAIL, Event.EXECUTION_FAILED,
            RequestTransition.SAFETY_STOP, Event.SAFETY_STOP);

    private final JdbcClient jdbc;
    private final MigrationEvents events;
    private final Notifier notifier;

    RequestNotices(JdbcClient jdbc, MigrationEvents events, Notifier notifier) {
        this.jdbc = jdbc;
        this.events = events;
        this.notifier = notifier;
        // Read ahead of the pages, once per change, while pages are open.
        events.beforeDelivery(changed -> {
            if (newest.readWithin("all", java.time.Duration.ofMinutes(5))) {
                newestOfAnybody();
            }
        });
    }

    /** The event of a move of {@code r}, if the catalogue has one; in the move's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void emit(RequestTransition t, MigrationRequest r, String detail) {
        Event event = CATALOGUE.get(t);
        if (event != null) {
            // A decision is told once per request; a run's start and end once per run (a retry runs again).
            String subject = "request " + r.id() + (t.from().contains(RequestState.PENDING) ? "" : " run " + r.epoch());
            notifier.emit(message(event, r, text(t, r, detail), subject), r.requestedBy());
        }
    }

    /** A request waits for approval: the team leads who may approve it are told. */
    @Transactional(propagation = Propagation.MANDATORY)
    void requestMade(MigrationRequest r) {
        String window = r.windowStart() == null ? "" : " To run " + MaintenanceWindow.describe(r) + ".";
        String text = r.requestedBy() + " asks for " + r.action().title() + " on " + r.clusterId()
                + (r.freezeException() ? " as a freeze exception (two team leads must approve)" : "")
                + " (request #" + r.id() + "). Reason: " + r.reason() + window;
        notifier.emit(message(Event.REQUEST_MADE, r, text, "request " + r.id()), r.requestedBy());
    }

    /** A step of a run failed (the run's failure follows). */
    @Transactional(propagation = Propagation.MANDATORY)
    void stepFailed(MigrationRequest r, int seq, String message) {
        notifier.emit(message(Event.STEP_FAILED, r, "Request #" + r.id() + " (" + r.action().title() + " on "
                + r.clusterId() + "): " + message, "request " + r.id() + " run " + r.epoch() + " step " + seq),
                r.requestedBy());
    }

    private static EventMessage message(Event event, MigrationRequest r, String text, String subject) {
        String title = r.action().title() + " on " + r.clusterId() + ": " + event.label().toLowerCase();
        return new EventMessage(event, r.clusterId(), r.id(), title, text, "requests/" + r.id(), subject);
    }

    static String text(RequestTransition t, MigrationRequest r, String detail) {
        String what = "Request #" + r.id() + " (" + r.action().title() + " on " + r.clusterId() + ")";
        String more = detail == null || detail.isBlank() ? "" : ": " + detail;
        String by = detail == null || detail.isBlank() ? "" : " " + detail;
        return switch (t) {
            case APPROVE -> what + " was approved" + by + ".";
            case REJECT -> what + " was rejected" + by + ".";
            case WITHDRAW -> what + " was withdrawn" + by + ".";
            case EXPIRE -> what + " expired before it ran.";
            case CLAIM, RESUME -> what + " started running" + (r.emergency() ? " (emergency run, without approval)" : "")
                    + ".";
            case SUCCEED -> what + " succeeded.";
            case FAIL -> what + " failed" + more + ".";
            case SAFETY_STOP -> what + " was stopped for safety" + more + ".";
            default -> what + ": " + t.to().name().toLowerCase() + ".";
        };
    }

    @Override
    public long latest() {
        return jdbc.sql("select coalesce(max(id), 0) from user_notice where recipient = :me")
                .param("me", Actor.current().name()).query(Long.class).single();
    }

    /** The newest notice of anybody, read once per change however many pages ask (most changes tell nobody). */
    private final com.switchback.base.StampedCache<String, Long> newest =
            new com.switchback.base.StampedCache<>(java.time.Duration.ofSeconds(1));

    private long newestOfAnybody() {
        return newest.get("all", events.changeStamp(),
                () -> jdbc.sql("select coalesce(max(id), 0) from user_notice").query(Long.class).single());
    }

    @Override
    public List<Notice> after(long id) {
        if (newestOfAnybody() <= id) {
            return List.of();
        }
        return jdbc.sql("""
                        select id, text, coalesce(link, 'requests/' || request_id), tone from user_notice
                        where recipient = :me and id > :after order by id limit 20""")
                .param("me", Actor.current().name()).param("after", id)
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Tone.valueOf(rs.getString(4))))
                .list();
    }

}
