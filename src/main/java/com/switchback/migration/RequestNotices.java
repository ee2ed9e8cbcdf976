package com.switchback.migration;

import com.switchback.audit.Actor;
import com.switchback.base.Notice;
import com.switchback.base.Notice.Tone;
import com.switchback.base.NoticeFeed;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one catalogue of request events people are told of: which moves of the lifecycle notify the
 * requester, in what tone and words. {@link RequestLifecycle} emits them in the move's own
 * transaction; the console shows each on any page the requester has open ({@link NoticeFeed}).
 * A move the requester made themselves (a withdrawal) tells them nothing new.
 */
@Component
public class RequestNotices implements NoticeFeed {

    /** What each move tells the requester. */
    static final Map<RequestTransition, Tone> CATALOGUE = Map.of(
            RequestTransition.APPROVE, Tone.SUCCESS,
            RequestTransition.REJECT, Tone.WARNING,
            RequestTransition.EXPIRE, Tone.WARNING,
            RequestTransition.SUCCEED, Tone.SUCCESS,
            RequestTransition.FAIL, Tone.ERROR,
            RequestTransition.SAFETY_STOP, Tone.ERROR);

    private final JdbcClient jdbc;
    private final MigrationEvents events;

    RequestNotices(JdbcClient jdbc, MigrationEvents events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** The notice for a move of {@code r}, if the catalogue has one; in the move's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void emit(RequestTransition t, MigrationRequest r, String detail) {
        Tone tone = CATALOGUE.get(t);
        if (tone == null) {
            return;
        }
        jdbc.sql("""
                        insert into user_notice (recipient, request_id, cluster_id, event, tone, text)
                        values (:to, :request, :cluster, :event, :tone, :text)""")
                .param("to", r.requestedBy()).param("request", r.id()).param("cluster", r.clusterId())
                .param("event", t.auditAction()).param("tone", tone.name()).param("text", text(t, r, detail))
                .update();
    }

    static String text(RequestTransition t, MigrationRequest r, String detail) {
        String what = "Your request #" + r.id() + " (" + r.action().title() + " on " + r.clusterId() + ")";
        String more = detail == null || detail.isBlank() ? "" : ": " + detail;
        String by = detail == null || detail.isBlank() ? "" : " " + detail;
        return switch (t) {
            case APPROVE -> what + " was approved" + by + ".";
            case REJECT -> what + " was rejected" + by + ".";
            case EXPIRE -> what + " expired before it ran.";
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

    @Override
    public List<Notice> after(long id) {
        return jdbc.sql("""
                        select id, text, request_id, tone from user_notice
                        where recipient = :me and id > :after order by id limit 20""")
                .param("me", Actor.current().name()).param("after", id)
                .query((rs, n) -> new Notice(rs.getLong(1), rs.getString(2), "requests/" + rs.getLong(3),
                        Tone.valueOf(rs.getString(4))))
                .list();
    }

    @Override
    public Runnable subscribe(Runnable changed) {
        return events.subscribe(ids -> changed.run());
    }
}
