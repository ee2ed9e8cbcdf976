package com.switchback.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.SwitchbackTest;
import com.switchback.TestUsers;
import com.switchback.base.AppRoles;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Login throttling, folded audit of failed logins, the password policy and the separation of duties. */
@SwitchbackTest
class LoginSecurityTest {

    @Autowired AuthenticationConfiguration authConfig;
    @Autowired LoginThrottle throttle;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @Test
    void afterThreeFailuresEvenTheRightPasswordWaitsAndAnUnknownAccountIsTreatedAlike() throws Exception {
        String address = address();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login("lead2", "guess", address)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login("lead2", "demo", address)).isInstanceOf(LoginThrottledException.class)
                .hasMessageContaining("try again in");

        String other = address();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> login("nobody-" + address, "guess", other)).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login("nobody-" + address, "guess", other)).as("no hint that the account is unknown")
                .isInstanceOf(LoginThrottledException.class);

        TestUsers.loginAs("admin", "ADMIN");
        users.unlock("lead2");
        TestUsers.logout();
        assertThat(login("lead2", "demo", address).isAuthenticated()).as("unlocked by an administrator").isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'user.unlocked' and details like '%lead2%'")
                .query(Integer.class).single()).isPositive();
    }

    @Test
    void tenFailuresLockTheAccountForAQuarterOfAnHourOnEveryNode() {
        String user = "locked-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 10; i++) {
            throttle.failed(user, address());
        }
        // Another node reads the same counters: they are in PostgreSQL.
        LoginThrottle otherNode = new LoginThrottle(jdbc, 3, 20, 10, 50, Duration.ofMinutes(15));
        assertThat(otherNode.waitFor(user, address())).hasValueSatisfying(
                wait -> assertThat(wait).isGreaterThan(Duration.ofMinutes(14)));
    }

    @Test
    void repeatedFailuresWithinAMinuteBecomeOneEventWithACount() {
        String address = address();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> login("auditor", "guess", address));
        }
        assertThat(events(address)).as("the first at once, the rest counted").hasSize(1);

        jdbc.sql("update login_failure_window set started_at = now() - interval '2 minutes' where address = :a")
                .param("a", address).update();
        flushFailedLogins();
        assertThat(events(address)).hasSize(2).last().asString().contains("4 further failed login(s)");
        throttle.succeeded("auditor");
    }

    @Test
    void thePasswordPolicyRefusesShortOverlongCommonAndNameAsPassword() {
        assertThat(problemInEnglish("short-pass1", "x")).hasValueSatisfying(p -> assertThat(p).contains("12"));
        assertThat(problemInEnglish("é".repeat(37), "x")).as("74 bytes").hasValueSatisfying(p -> assertThat(p)
                .contains("72 bytes"));
        assertThat(problemInEnglish("é".repeat(36), "x")).as("72 bytes").isEmpty();
        assertThat(problemInEnglish("Password1234", "x")).hasValueSatisfying(p -> assertThat(p).contains("common"));
        assertThat(problemInEnglish("operator.one", "operator.one")).hasValueSatisfying(p -> assertThat(p)
                .contains("user name"));
        assertThat(problemInEnglish("correct horse battery", "x")).isEmpty();
    }

    @Test
    void anAdministratorHoldsNoOperatingRoleAndNobodyChangesTheirOwnRoles() {
        TestUsers.loginAs("admin", "ADMIN");
        String name = "sod" + UUID.randomUUID().toString().substring(0, 8);
        assertThatThrownBy(() -> users.create(name, "correct horse battery", Set.of(AppRoles.ADMIN, AppRoles.DBA)))
                .hasMessageContaining("separation of duties");
        assertThatThrownBy(() -> users.setRoles("admin", Set.of(AppRoles.ADMIN, AppRoles.TEAM_LEAD)))
                .hasMessageContaining("separation of duties");
        assertThatThrownBy(() -> users.setRoles("admin", Set.of(AppRoles.AUDITOR)))
                .hasMessageContaining("Nobody changes their own roles");
        assertThatThrownBy(() -> users.create(name, "password1234", Set.of(AppRoles.DBA))).hasMessageContaining("common");
        users.create(name, "correct horse battery", Set.of(AppRoles.DBA));
        assertThat(jdbc.sql("select count(*) from app_user where username = :u").param("u", name).query(Integer.class)
                .single()).isEqualTo(1);
    }

    @Test
    void anyoneChangesTheirOwnPasswordGivingTheCurrentOne() throws Exception {
        TestUsers.loginAs("admin", "ADMIN");
        String name = "pw" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, "first long password", Set.of(AppRoles.AUDITOR));
        TestUsers.loginAs(name, "AUDITOR");
        assertThatThrownBy(() -> users.changeOwnPassword("not it at all", "second long password"))
                .hasMessageContaining("current password is not right");
        assertThatThrownBy(() -> users.changeOwnPassword("first long password", "short"))
                .hasMessageContaining("12");
        users.changeOwnPassword("first long password", "second long password");
        TestUsers.logout();
        assertThat(login(name, "second long password", address()).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> login(name, "first long password", address())).isInstanceOf(BadCredentialsException.class);
    }

    private void flushFailedLogins() {
        context.getBean(com.switchback.audit.FailedLogins.class).flush();
    }

    private java.util.List<String> events(String address) {
        return jdbc.sql("select details from audit_event where action = 'login.failed' and client_address = :a order by seq")
                .param("a", address).query(String.class).list();
    }

    private Authentication login(String user, String password, String address) throws Exception {
        AuthenticationManager manager = authConfig.getAuthenticationManager();
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(user, password);
        attempt.setDetails(new WebAuthenticationDetails(address, null));
        return manager.authenticate(attempt);
    }

    private static String address() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }

    private static java.util.Optional<String> problemInEnglish(String password, String username) {
        return PasswordPolicy.problem(password, username).map(com.switchback.base.i18n.Text::english);
    }
}
