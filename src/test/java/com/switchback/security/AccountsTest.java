package com.switchback.security;

import com.switchback.base.AppRoles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.SwitchbackTest;
import com.switchback.TestUsers;
import com.switchback.base.DemoMode;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.GrantedAuthority;

/** Accounts on the embedded demo default: demo users with bcrypt hashes, and user management for admins. */
@SwitchbackTest
class AccountsTest {

    @Autowired AuthenticationConfiguration authConfig;
    @Autowired JdbcClient jdbc;
    @Autowired UserService users;
    @Autowired DemoMode demo;

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @Test
    void theDemoAccountsLogInWithTheDemoPasswordAndCarryTheirRoles() throws Exception {
        assertThat(demo.enabled()).isTrue();
        AuthenticationManager manager = authConfig.getAuthenticationManager();
        assertThat(roles(manager, "dba")).containsExactly("ROLE_DBA");
        assertThat(roles(manager, "lead")).containsExactly("ROLE_TEAM_LEAD");
        assertThat(roles(manager, "lead2")).containsExactly("ROLE_TEAM_LEAD");
        assertThat(roles(manager, "auditor")).containsExactly("ROLE_AUDITOR");
        assertThat(roles(manager, "admin")).containsExactly("ROLE_ADMIN");
        assertThatThrownBy(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("dba", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("nobody", "demo")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void loginsAndFailedLoginsAreAudited() throws Exception {
        AuthenticationManager manager = authConfig.getAuthenticationManager();
        manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("auditor", "demo"));
        assertThatThrownBy(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("auditor", "guess")));
        var last = jdbc.sql("select action || ':' || actor || ':' || outcome from audit_event where actor = 'auditor' "
                + "and action like 'login.%' order by seq desc limit 2").query(String.class).list();
        assertThat(last).containsExactly("login.failed:auditor:FAILURE", "login.succeeded:auditor:SUCCESS");
        assertThat(jdbc.sql("select count(*) from audit_event where details like '%guess%'").query(Integer.class).single())
                .as("a typed password is never recorded").isZero();
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        assertThat(jdbc.sql("select password_hash from app_user").query(String.class).list())
                .isNotEmpty().allMatch(h -> h.startsWith("$2a$") && !h.contains("demo"));
    }

    @Test
    void anAdministratorManagesUsersAndRoles() throws Exception {
        TestUsers.loginAs("admin", "ADMIN");
        users.create("newdba", "a-long-enough-password", Set.of(AppRoles.DBA));
        assertThat(users.users()).anyMatch(u -> u.username().equals("newdba") && u.roles().equals(Set.of("DBA")));
        users.setRoles("newdba", Set.of(AppRoles.DBA, AppRoles.TEAM_LEAD));
        assertThat(roles(authConfig.getAuthenticationManager(), "newdba", "a-long-enough-password"))
                .containsExactlyInAnyOrder("ROLE_DBA", "ROLE_TEAM_LEAD");
        users.setEnabled("newdba", false);
        assertThatThrownBy(() -> authConfig.getAuthenticationManager().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("newdba", "a-long-enough-password")))
                .hasMessageContaining("disabled");
    }

    @Test
    void badUserInputIsRefusedWithAReason() {
        TestUsers.loginAs("admin", "ADMIN");
        assertThatThrownBy(() -> users.create("Robert'); DROP TABLE app_user;--", "a-long-enough-password", Set.of("DBA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("A username is");
        assertThatThrownBy(() -> users.create("shortpw", "short", Set.of("DBA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 12 characters");
        assertThatThrownBy(() -> users.create("badrole", "a-long-enough-password", Set.of("ROOT")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("roles");
        assertThatThrownBy(() -> users.create("dba", "a-long-enough-password", Set.of("DBA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already exists");
        assertThatThrownBy(() -> users.setRoles("ghost", Set.of("DBA")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no user 'ghost'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"DBA", "TEAM_LEAD", "AUDITOR"})
    void onlyAdministratorsManageUsers(String role) {
        TestUsers.loginAs("someone", role);
        assertThatThrownBy(() -> users.users()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.create("intruder", "a-long-enough-password", Set.of("ADMIN")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.setRoles(role.toLowerCase(), Set.of("ADMIN"))).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select count(*) from app_user where username = 'intruder'").query(Integer.class).single()).isZero();
    }

    private static Set<String> roles(AuthenticationManager manager, String user) {
        return roles(manager, user, "demo");
    }

    private static Set<String> roles(AuthenticationManager manager, String user, String password) {
        var auth = manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
        return Set.copyOf(auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).toList());
    }
}
