package com.switchback.notification;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Where every event of the catalogue ({@link Event}) is emitted, in the transaction of the change it
 * tells of: an in-app notice for each person the catalogue names, and an outbox row for each channel
 * that picked the event and the cluster. Nothing is sent here: the {@link OutboxSender} delivers the
 * outbox afterwards, so a dead or slow channel never delays or blocks the change itself.
 */
@Component
public class Notifier {

    private final JdbcClient jdbc;
    private final Channels channels;
    private final TransactionTemplate tx;

    Notifier(JdbcClient jdbc, Channels channels, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.tx = tx;
    }

    /**
     * Emits {@code m}. {@code requester} is the person whose request it is (null for events of no request):
     * the catalogue's audience is counted from them. An occurrence emitted twice is told once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void emit(EventMessage m, String requester) {
        for (String to : recipients(m.event(), requester)) {
            jdbc.sql("""
                            insert into user_notice (recipient, request_id, cluster_id, event, tone, text, link,
                                                     text_key, text_params)
                            values (:to, :request, :cluster, :event, :tone, :text, :link, :key, :params)""")
                    .param("to", to).param("request", m.requestId()).param("cluster", m.clusterId())
                    .param("event", m.event().key()).param("tone", m.event().tone().name()).param("text", m.text())
                    .param("link", m.link())
                    .param("key", m.notice() == null ? null : m.notice().key())
                    .param("params", m.notice() == null ? null : m.notice().storedParams()).update();
        }
        for (Channel c : channels.findAllByEnabledTrue()) {
            if (c.wants(m.event(), m.clusterId())) {
                jdbc.sql("""
                                insert into notification_outbox (channel_id, idempotency_key, event, cluster_id, request_id,
                                    title, text, link)
                                values (:channel, :key, :event, :cluster, :request, :title, :text, :link)
                                on conflict (channel_id, idempotency_key) do nothing""")
                        .param("channel", c.id()).param("key", m.idempotencyKey()).param("event", m.event().key())
                        .param("cluster", m.clusterId()).param("request", m.requestId()).param("title", m.title())
                        .param("text", m.text()).param("link", m.link()).update();
            }
        }
    }

    /**
     * Raises an event of time rather than of a move (a window ending, a verification going stale) once per
     * subject, whichever node sees it first: true when this call raised it. In the caller's transaction.
     */
    private boolean raiseOnce(EventMessage m) {
        boolean first = jdbc.sql("""
                        insert into event_raised (event, subject) values (:event, :subject)
                        on conflict do nothing""")
                .param("event", m.event().key()).param("subject", m.subject()).update() == 1;
        if (first) {
            emit(m, null);
        }
        return first;
    }

    /** Raises each of {@code due} once, each in a transaction of its own; returns how many this call raised. */
    public int raiseEachOnce(List<EventMessage> due) {
        int raised = 0;
        for (EventMessage m : due) {
            if (Boolean.TRUE.equals(tx.execute(s -> raiseOnce(m)))) {
                raised++;
            }
        }
        return raised;
    }

    private List<String> recipients(Event event, String requester) {
        return switch (event.audience()) {
            case NOBODY -> List.of();
            case REQUESTER -> requester == null ? List.of() : List.of(requester);
            // The team leads who may approve it: never the requester.
            case APPROVERS -> jdbc.sql("""
                            select u.username from app_user u join app_user_role r on r.username = u.username
                            where r.role = 'TEAM_LEAD' and u.enabled and u.username <> :requester order by 1""")
                    .param("requester", requester == null ? "" : requester).query(String.class).list();
        };
    }
}
