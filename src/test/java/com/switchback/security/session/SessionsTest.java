package com.switchback.security.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.SwitchbackTest;
import com.switchback.TestUsers;
import com.switchback.base.AppRoles;
import com.switchback.security.PasswordChange;
import com.switchback.security.UserService;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;

/**
 * Sessions end on every node when the account changes, when idle (clicks and keys only) and at their
 * lifetime; a reset gives a one-time password that carries no role until replaced.
 */
@SwitchbackTest
class SessionsTest {

    @Autowired UserSessions sessions;
    @Autowired LocalSessions local;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;
    @Autowired AuthenticationConfiguration authConfig;

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @Test
    void idleAndLifetimeAreCountedFromActivityAndFromLogin() {
        SessionProperties p = new SessionProperties(Duration.ofMinutes(30), Duration.ofHours(12), Duration.ofSeconds(5),
                Duration.ofSeconds(30));
        Instant login = Instant.parse("2026-11-28T00:00:00Z");
        assertThat(UserSessions.endReason(p, login, login.plusSeconds(600), login.plusSeconds(1799 + 600))).isNull();
        assertThat(UserSessions.endReason(p, login, login.plusSeconds(600), login.plusSeconds(1800 + 600)))
                .isEqualTo(SessionEnd.IDLE);
        assertThat(UserSessions.endReason(p, login, login.plusSeconds(43_000), login.plusSeconds(43_200)))
                .as("active a minute ago, but 12 h after login").isEqualTo(SessionEnd.LIFETIME);
    }

    @Test
    void theSweepEndsAnIdleSessionAndOneEndedByAnotherNode() {
        MockHttpSession idle = register("dba");
        MockHttpSession endedElsewhere = register("dba");
        MockHttpSession active = register("dba");
        jdbc.sql("update user_session set last_active_at = now() - interval '31 minutes' where id = :id")
                .param("id", idOf(idle)).update();
        // What another node writes when it ends a session this node holds.
        jdbc.sql("update user_session set ended_at = now(), end_reason = 'x' where id = :id")
                .param("id", idOf(endedElsewhere)).update();
        sessions.touch(idOf(active));
        String idleId = idOf(idle);
        String activeId = idOf(active);

        sessions.sweep();

        assertThat(ended(idle)).isTrue();
        assertThat(ended(endedElsewhere)).isTrue();
        assertThat(ended(active)).isFalse();
        assertThat(jdbc.sql("select end_reason from user_session where id = :id").param("id", idleId)
                .query(String.class).single()).isEqualTo("Idle for 30 min");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'session.expired' and details like '%dba%Idle%'")
                .query(Integer.class).single()).isPositive();
        active.invalidate();
    }

    @Test
    void anEndedSessionWhoseTabNeverComesBackIsInvalidatedAfterTheGracePeriod() {
        MockHttpSession gone = register("dba");
        jdbc.sql("update user_session set ended_at = now(), end_reason = 'x' where id = :id").param("id", idOf(gone)).update();
        sessions.sweep();
        local.invalidateLeftovers(Instant.now());
        assertThat(gone.isInvalid()).as("within the grace period the tab may still follow the redirect").isFalse();
        local.invalidateLeftovers(Instant.now().plus(LocalSessions.GRACE).plusSeconds(1));
        assertThat(gone.isInvalid()).isTrue();
    }

    @Test
    void disablingAUserOrChangingTheirRolesEndsAllTheirSessionsAtOnce() {
        MockHttpSession first = register("lead2");
        MockHttpSession second = register("lead2");
        TestUsers.loginAs("admin", AppRoles.ADMIN);
        users.setEnabled("lead2", false);
        assertThat(ended(first)).as("ended on commit, not at the next sweep").isTrue();
        assertThat(ended(second)).isTrue();
        assertThat(jdbc.sql("select details from audit_event where action = 'user.disabled' order by seq desc limit 1")
                .query(String.class).single()).contains("lead2").contains("Open sessions ended: 2");
        users.setEnabled("lead2", true);

        MockHttpSession third = register("lead2");
        users.setRoles("lead2", Set.of(AppRoles.TEAM_LEAD, AppRoles.AUDITOR));
        assertThat(ended(third)).isTrue();
        users.setRoles("lead2", Set.of(AppRoles.TEAM_LEAD));
        assertThatThrownBy(() -> users.setEnabled("admin", false)).hasMessageContaining("Nobody disables their own account");
    }

    @Test
    void aResetGivesAOneTimePasswordWithNoRoleUntilItsHolderChoosesTheirOwn() throws Exception {
        TestUsers.loginAs("admin", AppRoles.ADMIN);
        users.create("oncall", "first-password-of-oncall", Set.of(AppRoles.DBA));
        MockHttpSession open = register("oncall");
        String oneTime = users.resetPassword("oncall");
        assertThat(ended(open)).isTrue();
        assertThatThrownBy(() -> users.resetPassword("admin")).hasMessageContaining("Password page");

        Authentication withOneTime = login("oncall", oneTime);
        assertThat(withOneTime.getAuthorities()).extracting(a -> a.getAuthority())
                .contains(PasswordChange.REQUIRED).noneMatch(a -> a.startsWith("ROLE_"));
        TestUsers.logout();
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(withOneTime);
        assertThat(users.changeOwnPassword(oneTime, "oncall-chose-this-one")).as("it was a one-time password").isTrue();

        assertThat(login("oncall", "oncall-chose-this-one").getAuthorities()).extracting(a -> a.getAuthority())
                .contains("ROLE_DBA").doesNotContain(PasswordChange.REQUIRED);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'user.password-reset' and details like '%oncall%'")
                .query(Integer.class).single()).isOne();
    }

    @Test
    void onlyMyOwnOtherSessionsCanBeEndedByMe() {
        MockHttpSession mine = register("auditor");
        MockHttpSession someoneElses = register("dba");
        TestUsers.loginAs("auditor", AppRoles.AUDITOR);
        assertThat(sessions.mine()).extracting(UserSessions.OpenSession::id).contains(idOf(mine))
                .doesNotContain(idOf(someoneElses));
        assertThatThrownBy(() -> sessions.endMine(idOf(someoneElses))).hasMessageContaining("already ended");
        assertThat(ended(someoneElses)).isFalse();
        assertThatThrownBy(() -> sessions.endMine("no-such-session")).hasMessageContaining("already ended");
        sessions.endMine(idOf(mine));
        assertThat(ended(mine)).isTrue();
        someoneElses.invalidate();
    }

    private MockHttpSession register(String username) {
        MockHttpSession session = new MockHttpSession();
        local.add(sessions.open(username, "192.0.2.7", "Test"), session);
        return session;
    }

    /** Ended: its tabs were sent away and its next request invalidates it (the filter's call). */
    private boolean ended(MockHttpSession session) {
        boolean ended = local.invalidateIfEnded(session);
        assertThat(session.isInvalid()).isEqualTo(ended);
        return ended;
    }

    private static String idOf(MockHttpSession session) {
        return (String) session.getAttribute(LocalSessions.ATTRIBUTE);
    }

    private Authentication login(String user, String password) throws Exception {
        return authConfig.getAuthenticationManager().authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, password));
    }
}
