package com.switchback.security.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.Formats;
import com.switchback.base.ui.FixedColumnsGrid;
import com.switchback.security.session.UserSessions;
import com.switchback.security.session.UserSessions.OpenSession;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** A person's own open sessions, on every node, and a way to end the others (a lost laptop, a shared PC). */
@Route("sessions")
@PermitAll
public class SessionsView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return com.switchback.base.ui.Titles.page("title.sessions");
    }

    final Grid<OpenSession> grid = new FixedColumnsGrid<>();
    private final UserSessions sessions;

    public SessionsView(UserSessions sessions, com.switchback.security.session.SessionProperties limits) {
        this.sessions = sessions;
        grid.addColumn(com.switchback.base.ui.UserTime.renderer(OpenSession::createdAt)).setHeader(t("sessions.loggedIn")).setAutoWidth(true);
        grid.addColumn(com.switchback.base.ui.UserTime.renderer(OpenSession::lastActiveAt)).setHeader(t("sessions.lastActive")).setAutoWidth(true);
        grid.addColumn(OpenSession::address).setHeader(t("sessions.address")).setAutoWidth(true);
        grid.addColumn(OpenSession::userAgent).setHeader(t("sessions.browser")).setFlexGrow(1);
        grid.addComponentColumn(this::action).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2(t("sessions.yourSessions")), new Paragraph(t("sessions.intro",
                Formats.duration(limits.idleTimeout()), Formats.duration(limits.lifetime()))), grid);
        refresh();
    }

    private com.vaadin.flow.component.Component action(OpenSession s) {
        if (s.current()) {
            return new Span(t("sessions.thisSession"));
        }
        Button end = new Button(t("sessions.endSession"), e -> {
            try {
                sessions.endMine(s.id());
                Notification.show(t("sessions.sessionEnded"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException ex) {
                Notification.show(t(ex), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        end.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return end;
    }

    private void refresh() {
        grid.setItems(sessions.mine());
    }
}
