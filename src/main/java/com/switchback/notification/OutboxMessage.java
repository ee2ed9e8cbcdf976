package com.switchback.notification;

import java.time.Instant;

/** A message in the outbox, as the sender reads it: what to say, to which channel, under which key. */
public record OutboxMessage(long id, long channelId, String idempotencyKey, String event, String clusterId,
                            Long requestId, String title, String text, String link, String state, int attempts,
                            Instant createdAt, Instant sentAt, String lastError, String channelName) {
}
