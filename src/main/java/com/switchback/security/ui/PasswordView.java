package com.switchback.security.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.i18n.Texts;
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
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Anyone logged in changes their own password here, giving the current one. */
@Route("password")
@PermitAll
public class PasswordView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return com.switchback.base.ui.Titles.page("title.password");
    }

    final PasswordField current = new PasswordField(t("password.currentPassword"));
    final PasswordField replacement = new PasswordField(t("password.newPassword"));
    final PasswordField repeated = new PasswordField(t("password.newPasswordAgain"));

    public PasswordView(UserService users) {
        boolean oneTime = PasswordChange.required(SecurityContextHolder.getContext().getAuthentication());
        replacement.setHelperText(t("password.rules", PasswordPolicy.MIN_CHARACTERS, PasswordPolicy.MAX_BYTES));
        for (PasswordField f : new PasswordField[] {current, replacement, repeated}) {
            f.setMaxLength(128);
            f.setWidth("24em");
        }
        for (PasswordField f : new PasswordField[] {current, replacement, repeated}) {
            f.addValueChangeListener(e -> f.setInvalid(false));
        }
        Button change = new Button(t("password.changePassword"), e -> {
            // Every broken rule is marked on its field at once; the service checks them again.
            boolean ok = mark(current, current.getValue().isEmpty() ? t("password.enterYourCurrentPassword") : null)
                    & mark(replacement, PasswordPolicy.problem(replacement.getValue(),
                            SecurityContextHolder.getContext().getAuthentication().getName()).map(Texts::t).orElse(null))
                    & mark(repeated, replacement.getValue().equals(repeated.getValue()) ? null
                            : t("password.theTwoNewPasswords"));
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
                Notification.show(t("password.passwordChanged"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (IllegalArgumentException ex) {
                // The current password is wrong, or the new one equals it.
                boolean wrongCurrent = ex instanceof com.switchback.base.i18n.Localized l
                        && UserService.WRONG_CURRENT_PASSWORD.equals(l.reason().key());
                mark(wrongCurrent ? current : replacement, t(ex));
            }
        });
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (oneTime) {
            current.setLabel(t("password.oneTimePassword"));
            add(new H2(t("password.chooseYourOwnPassword")), new Paragraph(t("password.oneTimeIntro")));
        } else {
            add(new H2(t("password.changeYourPassword")), new Paragraph(t("password.yourOtherSessionsEnd")));
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
