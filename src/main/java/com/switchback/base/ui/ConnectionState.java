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

    /**
     * Run once per page. Flow's client notices a dead server only at its next request (the heartbeat is
     * minutes apart), so the page also asks the server every few seconds (base.web.PageProbe); either saying "lost"
     * marks the document. When the server answers again, a round trip tells the page at once whether
     * its session survived (a restarted server: "session expired").
     */
    static final String WATCH = """
            if (!window.sbConnectionWatch) {
              window.sbConnectionWatch = true;
              const store = window.Vaadin && window.Vaadin.connectionState;
              const flowLost = () => !!store && (store.state === 'reconnecting' || store.state === 'connection-lost');
              let down = false;
              const mark = () => document.documentElement.toggleAttribute('sb-disconnected', down || flowLost());
              if (store) store.addStateChangeListener(mark);
              const probe = new URL('alive', document.baseURI);
              setInterval(() => fetch(probe, {cache: 'no-store', credentials: 'same-origin'})
                  .then(r => {
                    if (!r.ok) throw new Error(r.status);
                    if (down) { down = false; mark(); document.body.dispatchEvent(new CustomEvent('sb-reconnected')); }
                  })
                  .catch(() => { down = true; mark(); }), 3000);
            }""";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            init.getUI().getPage().executeJs(WATCH);
            // The round trip after a reconnection: nothing to do here, the answer (or its absence) is the point.
            init.getUI().getElement().addEventListener("sb-reconnected", e -> { });
        });
        // Asked for each message a page is sent: made once per language.
        java.util.Map<java.util.Locale, CustomizedSystemMessages> byLanguage = new java.util.HashMap<>();
        com.switchback.base.i18n.Messages.LOCALES.forEach(l -> byLanguage.put(l, systemMessages(l)));
        event.getSource().setSystemMessagesProvider(info ->
                byLanguage.get(com.switchback.base.i18n.Messages.supported(info.getLocale())));
    }

    private static CustomizedSystemMessages systemMessages(java.util.Locale locale) {
        CustomizedSystemMessages messages = new CustomizedSystemMessages();
        messages.setSessionExpiredCaption(com.switchback.base.i18n.Messages.get(locale, "connection.expired"));
        messages.setSessionExpiredMessage(com.switchback.base.i18n.Messages.get(locale, "connection.expiredMessage"));
        messages.setSessionExpiredNotificationEnabled(true);
        return messages;
    }
}
