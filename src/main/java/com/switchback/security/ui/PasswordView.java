package com.switchback.security.ui;

import com.switchback.security.PasswordChange;
import com.switchback.security.PasswordPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
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
        boolean oneTime = PasswordChange.required(SecurityContextHolder.getContext().getAuthentication());
        replacement.setHelperText(PasswordPolicy.MIN_CHARACTERS + " characters or more, at most " + PasswordPolicy.MAX_BYTES
                + " bytes; not your user name nor a common password.");
        for (PasswordField f : new PasswordField[] {current, replacement, repeated}) {
            f.setMaxLength(128);
            f.setWidth("24em");
        }
        for (PasswordField f : new PasswordField[] {current, replacement, repeated}) {
            f.addValueChangeListener(e -> f.setInvalid(false));
        }
        Button change = new Button("Change password", e -> {
            // Every broken rule is marked on its field at once; the service checks them again.
            boolean ok = mark(current, current.getValue().isEmpty() ? "Enter your current password." : null)
                    & mark(replacement, PasswordPolicy.problem(replacement.getValue(),
                            SecurityContextHolder.getContext().getAuthentication().getName()).orElse(null))
                    & mark(repeated, replacement.getValue().equals(repeated.getValue()) ? null
                            : "The two new passwords differ.");
            if (!ok) {
                return;
            }
            try {
                if (users.changeOwnPassword(current.getValue(), replacement.getValue())) {
                    return; // the session has ended; the tab is on its way to the login page
                }
                current.clear();
                replacement.clear();
                repeated.clear();
                Notification.show("Password changed.", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException ex) {
                // The current password is wrong, or the new one equals it.
                mark(ex.getMessage().startsWith("The current") ? current : replacement, ex.getMessage());
            }
        });
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (oneTime) {
            current.setLabel("One-time password");
            add(new H2("Choose your own password"), new Paragraph("You logged in with a one-time password from an "
                    + "administrator. Choose your own before going on; then log in with it."));
        } else {
            add(new H2("Change your password"), new Paragraph("Your other sessions end when you change it."));
        }
        add(current, replacement, repeated, change);
    }

    /** Marks the field with its problem (or as valid for null); true when valid. */
    private static boolean mark(PasswordField field, String problem) {
        if (problem != null) {
            field.setErrorMessage(problem);
        }
        field.setInvalid(problem != null);
        return problem == null;
    }
}
