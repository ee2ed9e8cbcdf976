package com.switchback.security.ui;

import com.switchback.security.PasswordPolicy;
import com.switchback.security.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Anyone logged in changes their own password here, giving the current one. */
@Route("password")
@PageTitle("Password — Switchback")
@PermitAll
public class PasswordView extends VerticalLayout {

    final PasswordField current = new PasswordField("Current password");
    final PasswordField replacement = new PasswordField("New password");
    final PasswordField repeated = new PasswordField("New password again");

    public PasswordView(UserService users) {
        replacement.setHelperText(PasswordPolicy.MIN_CHARACTERS + " characters or more, at most " + PasswordPolicy.MAX_BYTES
                + " bytes; not your user name nor a common password.");
        for (PasswordField f : new PasswordField[] {current, replacement, repeated}) {
            f.setMaxLength(128);
            f.setWidth("24em");
        }
        Button change = new Button("Change password", e -> {
            if (!replacement.getValue().equals(repeated.getValue())) {
                error("The two new passwords differ.");
                return;
            }
            try {
                users.changeOwnPassword(current.getValue(), replacement.getValue());
                current.clear();
                replacement.clear();
                repeated.clear();
                Notification.show("Password changed.", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException ex) {
                error(ex.getMessage());
            }
        });
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2("Change your password"), new Paragraph("Your other sessions stay open."), current, replacement,
                repeated, change);
    }

    private static void error(String message) {
        Notification.show(message, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
