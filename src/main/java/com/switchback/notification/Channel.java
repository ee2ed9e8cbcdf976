package com.switchback.notification;

import com.switchback.base.CommaList;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A notification channel as stored: a plain aggregate, read and written through Spring Data JDBC
 * ({@link Channels}). Its endpoint and secret are sealed ({@link SecretBox}); {@code endpointHint} is
 * the part of the address that is safe to show (scheme and host).
 *
 * @param events   the event keys it is told of, comma-separated
 * @param clusters the cluster ids it is told of, comma-separated; empty for every cluster
 */
@Table("notification_channel")
public record Channel(@Id Long id, String name, ChannelType type, boolean enabled, String endpointEnc,
                      String endpointHint, String secretEnc, String smtpUsername, String smtpFrom, SmtpTls smtpTls,
                      String recipients, String events, String clusters, String createdBy, Instant updatedAt) {

    /** How the e-mail channel talks to its SMTP server. */
    public enum SmtpTls { NONE, STARTTLS, TLS }

    public Set<Event> eventSet() {
        return CommaList.split(events).stream().map(Event::of).filter(e -> e != null)
                .collect(Collectors.toCollection(() -> java.util.EnumSet.noneOf(Event.class)));
    }

    public Set<String> clusterSet() {
        return CommaList.split(clusters);
    }

    public Set<String> recipientSet() {
        return CommaList.split(recipients);
    }

    /** Whether it is told of {@code event} on {@code clusterId} (an event of no cluster reaches every channel). */
    public boolean wants(Event event, String clusterId) {
        return enabled && eventSet().contains(event)
                && (clusterSet().isEmpty() || clusterId == null || clusterSet().contains(clusterId));
    }
}
