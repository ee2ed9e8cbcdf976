package com.switchback.base.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * A lost connection must not look live. Each page follows the Flow client's own connection state:
 * while it is reconnecting or has lost the connection, the page's root carries
 * {@code sb-disconnected}, and the stylesheet shows the "Disconnected — values may be stale" bar,
 * greys the page out and stops its buttons and links; when push is back, all of it goes. A session
 * that expired meanwhile (a restarted server) says so; reloading goes through the login page and
 * back to the same address.
 */
@Component
class ConnectionState implements VaadinServiceInitListener {

    /** Run once per page: marks the document whenever the client's connection state changes. */
    static final String WATCH = """
            const store = window.Vaadin && window.Vaadin.connectionState;
            if (store && !window.sbConnectionWatch) {
              window.sbConnectionWatch = true;
              const mark = state => document.documentElement.toggleAttribute('sb-disconnected',
                  state === 'reconnecting' || state === 'connection-lost');
              store.addStateChangeListener((before, now) => mark(now));
              mark(store.state);
            }""";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().getPage().executeJs(WATCH));
        event.getSource().setSystemMessagesProvider(info -> {
            CustomizedSystemMessages messages = new CustomizedSystemMessages();
            messages.setSessionExpiredCaption("Your session has expired");
            messages.setSessionExpiredMessage("Values on this page may be stale. Click here, or press Escape, to log in "
                    + "again and come back to this page.");
            messages.setSessionExpiredNotificationEnabled(true);
            return messages;
        });
    }
}
