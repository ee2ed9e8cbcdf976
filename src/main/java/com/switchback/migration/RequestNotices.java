package com.switchback.migration;

import com.switchback.audit.Actor;
import com.switchback.base.Notice;
import com.switchback.base.Notice.Tone;
import com.switchback.base.i18n.Text;
import com.switchback.base.i18n.Texts;
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

    /**
     * The event of a move of {@code r}, if the catalogue has one; in the move's transaction. {@code detail}
     * (who decided, what failed) is a {@link Text}, a sentence as written, or null.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void emit(RequestTransition t, MigrationRequest r, Object detail) {
        Event event = CATALOGUE.get(t);
        if (event != null) {
            // A decision is told once per request; a run's start and end once per run (a retry runs again).
            String subject = "request " + r.id() + (t.from().contains(RequestState.PENDING) ? "" : " run " + r.epoch());
            notifier.emit(message(event, r, subject, notice(t, r, detail)), r.requestedBy());
        }
    }

    /** A request waits for approval: the team leads who may approve it are told. */
    @Transactional(propagation = Propagation.MANDATORY)
    void requestMade(MigrationRequest r) {
        Text notice = Text.of("notice.requestMade", r.requestedBy(), action(r), r.clusterId(),
                r.freezeException() ? Text.of("notice.asFreezeException") : Text.of("common.empty"), r.id(), r.reason(),
                r.windowStart() == null ? Text.of("common.empty") : Text.of("notice.toRun", MaintenanceWindow.describe(r)));
        notifier.emit(message(Event.REQUEST_MADE, r, "request " + r.id(), notice), r.requestedBy());
    }

    /** A step of a run failed (the run's failure follows). */
    @Transactional(propagation = Propagation.MANDATORY)
    void stepFailed(MigrationRequest r, int seq, String message) {
        notifier.emit(message(Event.STEP_FAILED, r, "request " + r.id() + " run " + r.epoch() + " step " + seq,
                Text.of("notice.stepFailed", r.id(), action(r), r.clusterId(), message)), r.requestedBy());
    }

    /** The message of an event: its notice in each reader's language, in English for channels. */
    private static EventMessage message(Event event, MigrationRequest r, String subject, Text notice) {
        String title = r.action().title() + " on " + r.clusterId() + ": " + event.label().toLowerCase();
        return new EventMessage(event, r.clusterId(), r.id(), title, notice.english(), "requests/" + r.id(), subject,
                notice);
    }

    private static Text action(MigrationRequest r) {
        return Text.of("enum.MigrationAction." + r.action().name());
    }

    /** What a move of {@code r} tells, for each reader to see in their own language. */
    static Text notice(RequestTransition t, MigrationRequest r, Object detail) {
        boolean none = detail == null || detail.toString().isBlank();
        Object more = none ? Text.of("common.empty") : detail;
        String key = switch (t) {
            case APPROVE -> "notice.approved";
            case REJECT -> "notice.rejected";
            case WITHDRAW -> "notice.withdrawn";
            case EXPIRE -> "notice.expired";
            case CLAIM, RESUME -> r.emergency() ? "notice.startedEmergency" : "notice.started";
            case SUCCEED -> "notice.succeeded";
            case FAIL -> none ? "notice.failed" : "notice.failedWith";
            case SAFETY_STOP -> none ? "notice.stopped" : "notice.stoppedWith";
            default -> "notice.moved";
        };
        return Text.of(key, r.id(), action(r), r.clusterId(), more, Text.of("enum.RequestState." + t.to().name()));
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
                        select id, text, coalesce(link, 'requests/' || request_id), tone, text_key, text_params
                        from user_notice where recipient = :me and id > :after order by id limit 20""")
                .param("me", Actor.currentName()).param("after", id)
                // Said in the reader's language where the notice was kept as a key; as written otherwise.
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getString(5) == null ? rs.getString(2)
                        : Texts.t(Text.stored(rs.getString(5), rs.getString(6))), rs.getString(3),
                        Tone.valueOf(rs.getString(4))))
                .list();
    }

}
