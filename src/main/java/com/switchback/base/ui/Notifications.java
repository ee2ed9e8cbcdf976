package com.switchback.base.ui;

import static com.switchback.base.i18n.Texts.t;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The messages a user gets: after an action (success, error), and notices of what happened elsewhere. */
public final class Notifications {

    private Notifications() {
    }

    public static void success(String text) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** A notice about something elsewhere (a decision, a run's end): its text, a link to it, its tone. */
    public static Notification notice(com.switchback.base.Notice n) {
        var link = new com.vaadin.flow.component.html.Anchor(n.link(), t("common.open"));
        var text = new com.vaadin.flow.component.html.Span(n.text() + " ");
        Notification shown = new Notification(new com.vaadin.flow.component.html.Div(text, link));
        shown.setDuration(n.tone() == com.switchback.base.Notice.Tone.ERROR ? 0 : 10_000);
        shown.setPosition(Notification.Position.TOP_END);
        shown.addThemeVariants(switch (n.tone()) {
            case SUCCESS -> NotificationVariant.LUMO_SUCCESS;
            case WARNING -> NotificationVariant.LUMO_WARNING;
            case ERROR -> NotificationVariant.LUMO_ERROR;
        });
        shown.addClassName("sb-notice");
        // Followed, it has done its work: it does not stay over the page it led to.
        link.getElement().addEventListener("click", e -> shown.close());
        // An error stays until read; any notice can be put away at once (it must not sit over what one works on).
        shown.add(new com.vaadin.flow.component.button.Button(t("common.close"), e -> shown.close()));
        shown.open();
        return shown;
    }

    public static void error(String text) {
        Notification.show(text, 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
