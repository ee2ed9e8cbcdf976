package com.switchback.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How messages are delivered.
 *
 * @param publicUrl    the console's address as people reach it: messages link to pages under it
 * @param interval     how often a node looks for messages to send
 * @param timeout      the longest one attempt may take (connect and answer), so a slow channel holds up nothing
 * @param firstRetry   the wait after the first failed attempt; it doubles after each failure
 * @param maxRetry     the longest wait between two attempts
 * @param maxAttempts  attempts before a message is given up (dead; an administrator may send it again)
 * @param staleAfter   a message whose sender went quiet this long is taken over by another node
 * @param parallel     how many messages one node sends at once
 */
@ConfigurationProperties("switchback.notifications")
public record NotificationProperties(String publicUrl, Duration interval, Duration timeout, Duration firstRetry,
                                     Duration maxRetry, int maxAttempts, Duration staleAfter, int parallel) {

    public NotificationProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? "http://localhost:8080" : publicUrl.replaceAll("/+$", "");
        interval = interval == null ? Duration.ofSeconds(2) : interval;
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        firstRetry = firstRetry == null ? Duration.ofSeconds(10) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofMinutes(10) : maxRetry;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        staleAfter = staleAfter == null ? Duration.ofMinutes(1) : staleAfter;
        parallel = parallel <= 0 ? 8 : parallel;
    }

    /** The wait after failed attempt number {@code attempt} (1 for the first): doubling, capped. */
    public Duration backoff(int attempt) {
        Duration d = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempt - 1)));
        return d.compareTo(maxRetry) > 0 ? maxRetry : d;
    }

    /** The absolute address of a console page. */
    public String url(String link) {
        return publicUrl + "/" + link;
    }
}
