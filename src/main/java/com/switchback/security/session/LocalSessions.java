package com.switchback.security.session;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The logged-in sessions this node holds (servlet sessions live in one node's memory), by their
 * {@code user_session} id. Ending one sends each of its open tabs to the login page over push, so a
 * tab loses its session at once rather than at its next click. The servlet session is invalidated
 * by the tab's very next request (the login page it was sent to; {@link SessionRegistration}), or
 * after {@link #GRACE} when no tab asks: invalidating it at once would drop the pushed message.
 */
@Component
class LocalSessions implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(LocalSessions.class);

    /** The servlet session attribute that holds the {@code user_session} id. */
    static final String ATTRIBUTE = "switchback.session-id";

    /** How long an ended session's tabs have to follow the pushed redirect before it is invalidated anyway. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private record Ending(HttpSession session, Instant since) {
    }

    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Ending> ending = new ConcurrentHashMap<>();
    private volatile Consumer<String> onClosed = id -> { };

    void add(String id, HttpSession session) {
        session.setAttribute(ATTRIBUTE, id);
        sessions.put(id, session);
    }

    Set<String> ids() {
        return Set.copyOf(sessions.keySet());
    }

    /** Called for sessions the container ends by itself (log out, its own timeout). */
    void onClosed(Consumer<String> onClosed) {
        this.onClosed = onClosed;
    }

    /** Ends a session this node holds: its tabs go to the login page; nothing when it holds none with that id. */
    void end(String id, SessionEnd why) {
        HttpSession session = sessions.remove(id);
        if (session == null) {
            return;
        }
        ending.put(id, new Ending(session, Instant.now()));
        String location = "login?ended=" + why.name().toLowerCase();
        for (VaadinSession vaadin : VaadinSession.getAllSessions(session)) {
            if (vaadin.hasLock()) {
                // This very request's session (its owner ended it): the response carries the new location.
                vaadin.getUIs().forEach(ui -> ui.getPage().setLocation(location));
                continue;
            }
            // From a thread of its own: Vaadin does not run another session's tasks on a thread that holds a
            // session lock (an administrator's request ending someone's session), it would wait for their next click.
            Thread.ofVirtual().name("session-end").start(() -> {
                try {
                    vaadin.access(() -> vaadin.getUIs().forEach(ui -> ui.getPage().setLocation(location)))
                            .get(2, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // The tab is gone or busy: the session is invalidated after the grace period all the same.
                    log.debug("Could not send a tab of session {} to the login page: {}", id, e.toString());
                }
            });
        }
    }

    /**
     * True when the request's servlet session was ended: it is invalidated now, and the request goes
     * on as a visitor's (the login page it was sent to).
     */
    boolean invalidateIfEnded(HttpSession session) {
        Object id = attribute(session);
        if (id instanceof String s && ending.remove(s) != null) {
            invalidate(session);
            return true;
        }
        return false;
    }

    /** Invalidates ended sessions whose tabs did not come back within the grace period. */
    void invalidateLeftovers(Instant now) {
        ending.forEach((id, e) -> {
            if (now.isAfter(e.since().plus(GRACE)) && ending.remove(id) != null) {
                invalidate(e.session());
            }
        });
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object id = attribute(event.getSession());
        if (id instanceof String s) {
            ending.remove(s);
            if (sessions.remove(s) != null) {
                onClosed.accept(s);
            }
        }
    }

    private static Object attribute(HttpSession session) {
        try {
            return session.getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalid) {
            return null;
        }
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // Ended by the container meanwhile: nothing left to do.
        }
    }
}
