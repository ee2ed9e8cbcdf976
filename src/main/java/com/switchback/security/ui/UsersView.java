package com.switchback.security.ui;

import com.switchback.base.AppRoles;
import com.switchback.security.UserAccount;
import com.switchback.security.UserService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;

/** Administrators add users, grant and take away roles, and disable accounts. */
@Route("users")
@PageTitle("Users — Switchback")
@Menu(title = "Users", order = 90, icon = "vaadin:users")
@RolesAllowed(AppRoles.ADMIN)
public class UsersView extends VerticalLayout {

    final Grid<UserAccount> grid = new Grid<>();
    final TextField username = new TextField("User name");
    final PasswordField password = new PasswordField("Initial password");
    final CheckboxGroup<String> newRoles = new CheckboxGroup<>("Roles");
    final CheckboxGroup<String> editRoles = new CheckboxGroup<>("Roles");
    final Checkbox enabled = new Checkbox("Can log in");
    final H3 selectedHeading = new H3();
    private final UserService users;

    public UsersView(UserService users) {
        this.users = users;
        grid.addColumn(UserAccount::username).setHeader("User").setAutoWidth(true);
        grid.addColumn(u -> String.join(", ", u.roles())).setHeader("Roles").setFlexGrow(1);
        grid.addColumn(u -> u.enabled() ? "Yes" : "No").setHeader("Can log in").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> showSelected(e.getValue()));

        username.setMaxLength(32);
        password.setMaxLength(128);
        newRoles.setItems(AppRoles.ALL);
        editRoles.setItems(AppRoles.ALL);
        Button create = new Button("Add user", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button save = new Button("Save", e -> saveSelected());
        Button unlock = new Button("Lift login lockout", e -> {
            UserAccount u = grid.asSingleSelect().getValue();
            if (u != null) {
                run(() -> users.unlock(u.username()), "Login lockout of " + u.username() + " lifted.");
            }
        });
        Button reset = new Button("Reset password", e -> {
            UserAccount u = grid.asSingleSelect().getValue();
            if (u != null) {
                confirmReset(u.username());
            }
        });
        VerticalLayout edit = new VerticalLayout(selectedHeading, editRoles, enabled,
                new HorizontalLayout(save, unlock, reset));
        edit.setPadding(false);
        edit.setVisible(false);
        grid.asSingleSelect().addValueChangeListener(e -> edit.setVisible(e.getValue() != null));

        HorizontalLayout form = new HorizontalLayout(username, password, newRoles, create);
        form.setAlignItems(Alignment.BASELINE);
        add(new H2("Users"), grid, edit, new H3("Add a user"), form);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.users());
    }

    private void showSelected(UserAccount u) {
        if (u != null) {
            selectedHeading.setText("User " + u.username());
            editRoles.setValue(u.roles());
            enabled.setValue(u.enabled());
        }
    }

    private void create() {
        if (run(() -> users.create(username.getValue().strip(), password.getValue(), Set.copyOf(newRoles.getValue())),
                "User " + username.getValue().strip() + " added.")) {
            username.clear();
            password.clear();
            newRoles.clear();
        }
    }

    private void saveSelected() {
        UserAccount u = grid.asSingleSelect().getValue();
        if (u != null && u.username().equals(com.switchback.audit.Actor.current().name())) {
            ConfirmDialog confirm = new ConfirmDialog("Change your own account?",
                    "You are editing the account you are logged in with.", "Save my account", e -> save(u));
            confirm.setCancelable(true);
            confirm.setCancelText("Keep it as it is");
            confirm.open();
            return;
        }
        save(u);
    }

    private void save(UserAccount u) {
        if (u != null) {
            run(() -> {
                users.setRoles(u.username(), Set.copyOf(editRoles.getValue()));
                users.setEnabled(u.username(), enabled.getValue());
            }, "User " + u.username() + " saved.");
        }
    }

    /** A reset ends the user's sessions, so it is confirmed first; the one-time password is shown once. */
    private void confirmReset(String username) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Reset the password of " + username + "?");
        confirm.setText("Their open sessions end now. They log in with a one-time password, shown to you once, "
                + "and must choose their own at once.");
        confirm.setCancelable(true);
        confirm.setCancelText("Keep the password");
        confirm.setConfirmText("Reset password of " + username);
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                showOneTimePassword(username, users.resetPassword(username));
                refresh();
            } catch (IllegalArgumentException ex) {
                Notification.show(ex.getMessage(), 6000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        confirm.open();
    }

    private static void showOneTimePassword(String username, String oneTime) {
        ConfirmDialog shown = new ConfirmDialog();
        shown.setHeader("One-time password of " + username);
        Span value = new Span(oneTime);
        value.addClassName("sb-one-time-password");
        shown.setText(new VerticalLayout(new Span("Give it to " + username + " by a separate channel. It is not shown "
                + "again; it works once, and they must replace it at their next login."), value));
        shown.setConfirmText("Done");
        shown.open();
    }

    private boolean run(Runnable change, String done) {
        try {
            change.run();
            Notification.show(done, 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
            return true;
        } catch (IllegalArgumentException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return false;
        }
    }
}
