package com.switchback.security.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.switchback.security.UserAccount;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UsersViewTest extends KaribuTest {

    @Test
    void anAdministratorAddsAUserAndChangesTheirRoles() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("users");
        UsersView view = _get(UsersView.class);
        assertThat(_findAll(view.grid)).extracting(UserAccount::username).contains("dba", "lead", "auditor", "admin");

        _setValue(view.username, "carol");
        _setValue(view.password, "a-long-enough-password");
        _setValue(view.newRoles, Set.of("AUDITOR"));
        _click(_get(Button.class, spec -> spec.withText("Add user")));
        expectNotifications("User carol added.");
        UserAccount carol = _findAll(view.grid).stream().filter(u -> u.username().equals("carol")).findFirst().orElseThrow();
        assertThat(carol.roles()).containsExactly("AUDITOR");

        view.grid.select(carol);
        _setValue(view.editRoles, Set.of("AUDITOR", "DBA"));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(_findAll(view.grid).stream().filter(u -> u.username().equals("carol")).findFirst().orElseThrow().roles())
                .containsExactlyInAnyOrder("AUDITOR", "DBA");
    }

    @Test
    void aBadEntryGetsAMessageAndAddsNobody() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("users");
        UsersView view = _get(UsersView.class);
        int before = _findAll(view.grid).size();
        _setValue(view.username, "<b>eve</b>");
        _setValue(view.password, "short");
        _setValue(view.newRoles, Set.of("DBA"));
        _click(_get(Button.class, spec -> spec.withText("Add user")));
        // Every broken rule at once, each on its field, and no toast.
        assertThat(view.username.isInvalid()).isTrue();
        assertThat(view.username.getErrorMessage()).isEqualTo("A username is 2–32 characters: lower-case letters, "
                + "digits, '.', '_' or '-', starting with a letter.");
        assertThat(view.password.isInvalid()).isTrue();
        assertThat(view.password.getErrorMessage()).contains("12");
        assertThat(view.newRoles.isInvalid()).as("DBA alone is a valid choice").isFalse();
        assertThat(view.username.getHelperText()).as("the rule is shown before anything is typed")
                .startsWith("2–32 characters");
        expectNotifications();
        assertThat(_findAll(view.grid)).hasSize(before);

        _setValue(view.username, "dba");
        _setValue(view.password, "a-long-enough-password");
        _setValue(view.newRoles, Set.of("ADMIN", "DBA"));
        _click(_get(Button.class, spec -> spec.withText("Add user")));
        assertThat(view.newRoles.isInvalid()).isTrue();
        assertThat(view.username.isInvalid()).isFalse();
        _setValue(view.newRoles, Set.of("DBA"));
        _click(_get(Button.class, spec -> spec.withText("Add user")));
        assertThat(view.username.getErrorMessage()).isEqualTo("The user 'dba' already exists.");
        expectNotifications();
        assertThat(_findAll(view.grid)).hasSize(before);
    }

    @Test
    void theLastEnabledAdministratorCannotBeDisabledOrLoseAdminAndEditingYourOwnAccountAsksFirst() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("users");
        UsersView view = _get(UsersView.class);
        UserAccount admin = _findAll(view.grid).stream().filter(u -> u.username().equals("admin")).findFirst().orElseThrow();
        view.grid.select(admin);
        assertThat(view.selectedHeading.getText()).isEqualTo("User admin");
        _click(_get(Button.class, spec -> spec.withText("Save")));
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(confirm.isOpened()).as("editing your own account asks first").isTrue();
        confirm.close();
        _setValue(view.editRoles, Set.of("ADMIN", "TEAM_LEAD"));
        _click(_get(Button.class, spec -> spec.withText("Save")));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(
                _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class));
        assertThat(view.editError.getText()).isEqualTo("An administrator holds no DBA or TEAM_LEAD role (separation "
                + "of duties): use a second account for those.");
        expectNotifications();

        // Another administrator acts on "admin", the only enabled ADMIN.
        login("root2", "ADMIN");
        UI.getCurrent().navigate("users");
        view = _get(UsersView.class);
        view.grid.deselectAll();
        view.grid.select(_findAll(view.grid).stream().filter(u -> u.username().equals("admin")).findFirst().orElseThrow());
        _setValue(view.enabled, false);
        _click(_get(Button.class, spec -> spec.withText("Save")));
        assertThat(view.editError.isVisible()).isTrue();
        assertThat(view.editError.getText()).isEqualTo("admin is the last enabled administrator: give another account "
                + "ADMIN first, or nobody could manage accounts any more.");
        assertThat(_findAll(view.grid).stream().filter(u -> u.username().equals("admin")).findFirst().orElseThrow()
                .enabled()).isTrue();
    }

    @Test
    void aUserDisabledAndEnabledAgainCanBeSelectedAndResetAfterwards() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("users");
        UsersView view = _get(UsersView.class);
        _setValue(view.username, "toggled");
        _setValue(view.password, "a-long-enough-password");
        _setValue(view.newRoles, Set.of("TEAM_LEAD"));
        _click(_get(Button.class, spec -> spec.withText("Add user")));
        for (boolean enabled : new boolean[] {false, true}) {
            view.grid.select(_findAll(view.grid).stream().filter(u -> u.username().equals("toggled")).findFirst().orElseThrow());
            _setValue(view.enabled, enabled);
            _click(_get(Button.class, spec -> spec.withText("Save")));
            assertThat(view.editError.isVisible()).as(view.editError.getText()).isFalse();
            assertThat(_findAll(view.grid).stream().filter(u -> u.username().equals("toggled")).findFirst().orElseThrow()
                    .enabled()).isEqualTo(enabled);
            assertThat(view.grid.getSelectedItems()).as("saving reloads the list").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"DBA", "TEAM_LEAD", "AUDITOR"})
    void otherRolesCannotOpenTheUsersView(String role) {
        login("someone", role);
        assertAccessDenied("users", UsersView.class);
    }
}
