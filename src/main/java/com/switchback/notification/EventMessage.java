package com.switchback.notification;

import com.switchback.base.i18n.Text;

/**
 * One event as people read it: a title, a short text, and the console page that shows it.
 *
 * @param subject what the event is about, unique per occurrence ("request 42", "request 42 run 3"): with the
 *                event's key it is the idempotency key, so the same occurrence emitted twice is one message
 * @param link    the console path that shows it, without the leading slash ("requests/42")
 * @param notice  the in-app notice as a {@link Text}, said in each reader's language; null: the text
 */
public record EventMessage(Event event, String clusterId, Long requestId, String title, String text, String link,
                           String subject, Text notice) {

    /** A message whose in-app notice reads as its text (English). */
    public EventMessage(Event event, String clusterId, Long requestId, String title, String text, String link,
                        String subject) {
        this(event, clusterId, requestId, title, text, link, subject, null);
    }

    public String idempotencyKey() {
        return event.key() + ":" + subject;
    }
}
