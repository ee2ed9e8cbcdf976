package com.switchback.security.session;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import org.springframework.stereotype.Component;

/**
 * What counts as activity for the idle timeout: a click or a key press in a tab, recorded at most
 * once per {@code switchback.sessions.activity-every}. Vaadin's heartbeat, push and a live page's
 * own updates keep the servlet session alive, so they cannot be what keeps a person logged in.
 */
@Component
class SessionActivity implements VaadinServiceInitListener {

    private final UserSessions sessions;
    private final int periodMillis;

    SessionActivity(UserSessions sessions, SessionProperties properties) {
        this.sessions = sessions;
        this.periodMillis = (int) Math.min(Integer.MAX_VALUE, properties.activityEvery().toMillis());
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> track(init.getUI()));
    }

    private void track(UI ui) {
        for (String type : new String[] {"click", "keydown"}) {
            ui.getElement().addEventListener(type, e -> touch(ui.getSession())).throttle(periodMillis);
        }
    }

    private void touch(VaadinSession session) {
        Object id = session == null || session.getSession() == null ? null
                : session.getSession().getAttribute(LocalSessions.ATTRIBUTE);
        if (id instanceof String s) {
            sessions.touch(s);
        }
    }
}
