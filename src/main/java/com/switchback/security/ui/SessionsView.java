package com.switchback.security.ui;

import com.switchback.base.Formats;
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
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** A person's own open sessions, on every node, and a way to end the others (a lost laptop, a shared PC). */
@Route("sessions")
@PageTitle("Sessions — Switchback")
@PermitAll
public class SessionsView extends VerticalLayout {

    final Grid<OpenSession> grid = new Grid<>();
    private final UserSessions sessions;

    public SessionsView(UserSessions sessions, com.switchback.security.session.SessionProperties limits) {
        this.sessions = sessions;
        grid.addColumn(com.switchback.base.ui.UserTime.renderer(OpenSession::createdAt)).setHeader("Logged in").setAutoWidth(true);
        grid.addColumn(com.switchback.base.ui.UserTime.renderer(OpenSession::lastActiveAt)).setHeader("Last active").setAutoWidth(true);
        grid.addColumn(OpenSession::address).setHeader("Address").setAutoWidth(true);
        grid.addColumn(OpenSession::userAgent).setHeader("Browser").setFlexGrow(1);
        grid.addComponentColumn(this::action).setHeader("").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new H2("Your sessions"), new Paragraph("A session ends after " + Formats.duration(limits.idleTimeout())
                + " without a click or key press, " + Formats.duration(limits.lifetime()) + " after logging in, and "
                + "all of them at once when your account is disabled, your roles change or your password is reset."), grid);
        refresh();
    }

    private com.vaadin.flow.component.Component action(OpenSession s) {
        if (s.current()) {
            return new Span("This session");
        }
        Button end = new Button("End session", e -> {
            try {
                sessions.endMine(s.id());
                Notification.show("Session ended.", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
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
