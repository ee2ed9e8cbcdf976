package com.switchback.notification;

/**
 * One event as people read it: a title, a short text, and the console page that shows it.
 *
 * @param subject what the event is about, unique per occurrence ("request 42", "request 42 run 3"): with the
 *                event's key it is the idempotency key, so the same occurrence emitted twice is one message
 * @param link    the console path that shows it, without the leading slash ("requests/42")
 */
public record EventMessage(Event event, String clusterId, Long requestId, String title, String text, String link,
                           String subject) {

    public String idempotencyKey() {
        return event.key() + ":" + subject;
    }
}
