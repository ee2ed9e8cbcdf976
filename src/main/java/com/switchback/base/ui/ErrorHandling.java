package com.switchback.base.ui;

import static com.switchback.base.i18n.Texts.t;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Every error that reaches the UI becomes a notification a person can read; the stack trace
 * goes to the log only. Errors a user can cause are caught earlier with their own message.
 */
@Component
class ErrorHandling implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            Throwable cause = error.getThrowable();
            String message;
            if (hasCause(cause, AccessDeniedException.class)) {
                message = "error.notAllowed";
                log.info("Access denied in the UI: {}", cause.getMessage());
            } else {
                message = "error.unexpected";
                log.error("Unexpected error in the UI", cause);
            }
            UI ui = UI.getCurrent();
            if (ui != null) {
                ui.access(() -> Notification.show(t(message), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR));
            }
        }));
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
