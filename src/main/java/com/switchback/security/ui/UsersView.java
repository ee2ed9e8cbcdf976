package com.switchback.security.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.AppRoles;
import com.switchback.base.ui.FixedColumnsGrid;
import com.switchback.security.AccountRules;
import com.switchback.security.PasswordPolicy;
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
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Set;

/** Administrators add users, grant and take away roles, and disable accounts. */
@Route("users")
@Menu(title = "users.users", order = 90, icon = "vaadin:users")
@RolesAllowed(AppRoles.ADMIN)
public class UsersView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return com.switchback.base.ui.Titles.page("users.users");
    }

    final Grid<UserAccount> grid = new FixedColumnsGrid<>();
    final TextField username = new TextField(t("users.userName"));
    final PasswordField password = new PasswordField(t("users.initialPassword"));
    final CheckboxGroup<String> newRoles = new CheckboxGroup<>(t("users.roles"));
    final CheckboxGroup<String> editRoles = new CheckboxGroup<>(t("users.roles"));
    final Checkbox enabled = new Checkbox(t("users.canLogIn"));
    final H3 selectedHeading = new H3();
    /** A refusal of the edit form that belongs to no single field (the last administrator, your own account). */
    final Span editError = new Span();
    private final UserService users;

    public UsersView(UserService users) {
        this.users = users;
        grid.addColumn(UserAccount::username).setHeader(t("users.user")).setAutoWidth(true);
        grid.addColumn(u -> String.join(", ", u.roles())).setHeader(t("users.roles")).setFlexGrow(1);
        grid.addColumn(u -> u.enabled() ? t("users.yes") : t("users.no")).setHeader(t("users.canLogIn")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> showSelected(e.getValue()));

        // The rules are shown before anything is typed; every broken one is marked at once on its field.
        username.setMaxLength(32);
        username.setHelperText(t(AccountRules.USERNAME_RULE));
        password.setMaxLength(128);
        password.setHelperText(t("users.passwordRules", PasswordPolicy.MIN_CHARACTERS, PasswordPolicy.MAX_BYTES));
        newRoles.setItems(AppRoles.ALL);
        newRoles.setHelperText(t("users.oneOrMoreAn"));
        editRoles.setItems(AppRoles.ALL);
        username.addValueChangeListener(e -> username.setInvalid(false));
        password.addValueChangeListener(e -> password.setInvalid(false));
        newRoles.addValueChangeListener(e -> newRoles.setInvalid(false));
        editRoles.addValueChangeListener(e -> editError.setVisible(false));
        enabled.addValueChangeListener(e -> editError.setVisible(false));
        editError.addClassName("sb-form-error");
        editError.setVisible(false);
        Button create = new Button(t("users.addUser"), e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button save = new Button(t("users.save"), e -> saveSelected());
        Button unlock = new Button(t("users.liftLoginLockout"), e -> {
            UserAccount u = grid.asSingleSelect().getValue();
            if (u != null) {
                run(() -> users.unlock(u.username()), t("users.unlocked", u.username()));
            }
        });
        Button reset = new Button(t("users.resetPassword"), e -> {
            UserAccount u = grid.asSingleSelect().getValue();
            if (u != null) {
                confirmReset(u.username());
            }
        });
        VerticalLayout edit = new VerticalLayout(selectedHeading, editRoles, enabled, editError,
                new HorizontalLayout(save, unlock, reset));
        edit.setPadding(false);
        edit.setVisible(false);
        grid.asSingleSelect().addValueChangeListener(e -> edit.setVisible(e.getValue() != null));

        HorizontalLayout form = new HorizontalLayout(username, password, newRoles, create);
        form.setAlignItems(Alignment.BASELINE);
        add(new H2(t("users.users")), grid, edit, new H3(t("users.addAUser")), form);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.users());
    }

    private void showSelected(UserAccount u) {
        if (u != null) {
            selectedHeading.setText(t("users.userNamed", u.username()));
            editRoles.setValue(u.roles());
            enabled.setValue(u.enabled());
            editError.setVisible(false);
        }
    }

    private void create() {
        String name = username.getValue().strip();
        boolean ok = mark(username, AccountRules.usernameProblem(name).map(com.switchback.base.i18n.Texts::t))
                & mark(password, PasswordPolicy.problem(password.getValue(), name).map(com.switchback.base.i18n.Texts::t))
                & markRoles(AccountRules.rolesProblem(Set.copyOf(newRoles.getValue())).map(com.switchback.base.i18n.Texts::t));
        if (!ok) {
            return;
        }
        try {
            users.create(name, password.getValue(), Set.copyOf(newRoles.getValue()));
        } catch (IllegalArgumentException e) {
            // What only the database knows (the name is taken): said on the name's field.
            mark(username, java.util.Optional.of(t(e)));
            return;
        }
        success(t("users.added", name));
        username.clear();
        password.clear();
        newRoles.clear();
    }

    /** Marks a field invalid with its problem, or valid; true when valid. */
    private static boolean mark(com.vaadin.flow.component.HasValidation field, java.util.Optional<String> problem) {
        problem.ifPresent(field::setErrorMessage);
        field.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    private boolean markRoles(java.util.Optional<String> problem) {
        problem.ifPresent(newRoles::setErrorMessage);
        newRoles.setInvalid(problem.isPresent());
        return problem.isEmpty();
    }

    private void saveSelected() {
        UserAccount u = grid.asSingleSelect().getValue();
        if (u != null && u.username().equals(com.switchback.audit.Actor.current().name())) {
            ConfirmDialog confirm = new ConfirmDialog(t("users.changeYourOwnAccount"),
                    t("users.youAreEditingThe"), t("users.saveMyAccount"), e -> save(u));
            confirm.setCancelable(true);
            confirm.setCancelText(t("users.keepItAsIt"));
            confirm.open();
            return;
        }
        save(u);
    }

    private void save(UserAccount u) {
        if (u == null) {
            return;
        }
        try {
            users.setRoles(u.username(), Set.copyOf(editRoles.getValue()));
            users.setEnabled(u.username(), enabled.getValue());
        } catch (IllegalArgumentException e) {
            // Said in the form, beside what it is about, not in a toast.
            editError.setText(t(e));
            editError.setVisible(true);
            return;
        }
        success(t("users.saved", u.username()));
    }

    /** A reset ends the user's sessions, so it is confirmed first; the one-time password is shown once. */
    private void confirmReset(String username) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(t("users.resetTitle", username));
        confirm.setText(t("users.resetMessage"));
        confirm.setCancelable(true);
        confirm.setCancelText(t("users.keepThePassword"));
        confirm.setConfirmText(t("users.resetButton", username));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                showOneTimePassword(username, users.resetPassword(username));
                refresh();
            } catch (IllegalArgumentException ex) {
                editError.setText(t(ex));
                editError.setVisible(true);
            }
        });
        confirm.open();
    }

    private static void showOneTimePassword(String username, String oneTime) {
        ConfirmDialog shown = new ConfirmDialog();
        shown.setHeader(t("users.oneTimeTitle", username));
        Span value = new Span(oneTime);
        value.addClassName("sb-one-time-password");
        shown.setText(new VerticalLayout(new Span(t("users.oneTimeMessage", username)), value));
        shown.setConfirmText(t("users.done"));
        shown.open();
    }

    private void success(String done) {
        Notification.show(done, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        refresh();
    }

    private void run(Runnable change, String done) {
        try {
            change.run();
            success(done);
        } catch (IllegalArgumentException e) {
            editError.setText(t(e));
            editError.setVisible(true);
        }
    }
}
