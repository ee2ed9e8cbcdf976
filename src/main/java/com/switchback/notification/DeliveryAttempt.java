package com.switchback.notification;

import java.time.Instant;

/** One attempt to deliver a message, as the delivery log shows it. */
public record DeliveryAttempt(int attempt, String executorId, Instant at, boolean ok, String detail, int durationMs) {
}
