package com.switchback.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.switchback.KaribuTest;
import com.switchback.TestUsers;
import com.switchback.security.UserService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A user changes their own password in the console; a mistake is said and changes nothing. */
class PasswordViewTest extends KaribuTest {

    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    @Test
    void aUserChangesTheirPasswordAndAMistakeIsToldPlainly() {
        String name = "pv" + UUID.randomUUID().toString().substring(0, 8);
        TestUsers.loginAs("admin", "ADMIN");
        users.create(name, "first long password", Set.of("AUDITOR"));
        String before = hash(name);
        login(name, "AUDITOR");
        UI.getCurrent().navigate("password");
        PasswordView view = _get(PasswordView.class);

        _setValue(view.current, "wrong current password");
        _setValue(view.replacement, "short");
        _setValue(view.repeated, "shorter");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        // Every broken rule at once, each on its field; no toast.
        assertThat(view.replacement.isInvalid()).isTrue();
        assertThat(view.replacement.getErrorMessage()).contains("12");
        assertThat(view.repeated.isInvalid()).isTrue();
        assertThat(view.repeated.getErrorMessage()).isEqualTo("The two new passwords differ.");
        assertThat(NotificationsKt.getNotifications()).isEmpty();

        _setValue(view.replacement, "second long password");
        _setValue(view.repeated, "second long password");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        assertThat(view.current.isInvalid()).as("what only the server knows, on its field").isTrue();
        assertThat(view.current.getErrorMessage()).isEqualTo("The current password is not right.");
        assertThat(hash(name)).isEqualTo(before);

        _setValue(view.current, "first long password");

        _setValue(view.repeated, "second long password");
        _click(_get(Button.class, spec -> spec.withText("Change password")));
        assertThat(hash(name)).isNotEqualTo(before);
        assertThat(view.current.getValue()).isEmpty();
    }

    private String hash(String name) {
        return jdbc.sql("select password_hash from app_user where username = :u").param("u", name).query(String.class).single();
    }
}
