package com.switchback.security.session;

import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
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
 * {@code user_session} id. Ending one sends each of its open tabs to the login page over push and
 * then invalidates it, so a tab loses its session at once rather than at its next click.
 */
@Component
class LocalSessions implements HttpSessionListener {

    private static final Logger log = LoggerFactory.getLogger(LocalSessions.class);

    /** The servlet session attribute that holds the {@code user_session} id. */
    static final String ATTRIBUTE = "switchback.session-id";

    private final Map<String, HttpSession> sessions = new ConcurrentHashMap<>();
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

    /** Ends a session this node holds; nothing when it holds none with that id. */
    void end(String id, SessionEnd why) {
        HttpSession session = sessions.remove(id);
        if (session == null) {
            return;
        }
        for (VaadinSession vaadin : VaadinSession.getAllSessions(session)) {
            if (vaadin.hasLock()) {
                // This very request's session (its owner ended it): the response carries the new location.
                vaadin.getUIs().forEach(ui -> ui.getPage().setLocation("login?ended=" + why.name().toLowerCase()));
                continue;
            }
            try {
                vaadin.access(() -> vaadin.getUIs().forEach(ui ->
                        ui.getPage().setLocation("login?ended=" + why.name().toLowerCase()))).get(2, TimeUnit.SECONDS);
            } catch (Exception e) {
                // The tab is gone or busy: invalidating below still ends the session; its next request finds none.
                log.debug("Could not send a tab of session {} to the login page: {}", id, e.toString());
            }
        }
        try {
            session.invalidate();
        } catch (IllegalStateException alreadyInvalid) {
            // Ended by the container meanwhile: nothing left to do.
        }
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object id;
        try {
            id = event.getSession().getAttribute(ATTRIBUTE);
        } catch (IllegalStateException invalid) {
            return;
        }
        if (id instanceof String s && sessions.remove(s) != null) {
            onClosed.accept(s);
        }
    }
}
