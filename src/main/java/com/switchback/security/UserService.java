package com.switchback.security;

import com.switchback.base.AppRoles;
import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import java.util.List;
import java.util.Set;
import com.switchback.security.session.SessionEnd;
import com.switchback.security.session.UserSessions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User and role management, for administrators only. */
@Service
public class UserService {

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final LoginThrottle throttle;
    private final UserSessions sessions;

    UserService(UserAccountRepository accounts, PasswordEncoder encoder, AuditLog audit, LoginThrottle throttle,
                UserSessions sessions) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.throttle = throttle;
        this.sessions = sessions;
    }

    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional(readOnly = true)
    public List<UserAccount> users() {
        return accounts.findAll();
    }

    /** The key of the refusal that belongs on the current-password field. */
    public static final String WRONG_CURRENT_PASSWORD = "account.wrongPassword";

    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional
    public void create(String username, String password, Set<String> roles) {
        AccountRules.usernameProblem(username).ifPresent(p -> {
            throw new AccountRefusedException(p.key(), p.params());
        });
        PasswordPolicy.require(password, username);
        checkRoles(roles);
        if (accounts.exists(username)) {
            throw new AccountRefusedException("account.exists", username);
        }
        accounts.insert(username, username, encoder.encode(password), roles);
        audit.record("user.created", null, null, Outcome.SUCCESS, "User " + username + " created with roles "
                + new java.util.TreeSet<>(roles) + ".");
    }

    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional
    public void setRoles(String username, Set<String> roles) {
        checkRoles(roles);
        requireUser(username);
        var before = accounts.roles(username);
        if (before.equals(new java.util.TreeSet<>(roles))) {
            return;
        }
        if (username.equals(Actor.current().name())) {
            throw new AccountRefusedException("account.ownRoles");
        }
        if (before.contains(AppRoles.ADMIN) && !roles.contains(AppRoles.ADMIN)) {
            requireAnotherAdmin(username);
        }
        accounts.replaceRoles(username, roles);
        int ended = sessions.endAllOf(username, "Roles changed");
        audit.record("user.roles-changed", null, null, Outcome.SUCCESS, "Roles of " + username + ": " + before
                + " → " + new java.util.TreeSet<>(roles) + "." + endedSessions(ended));
    }

    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        requireUser(username);
        if (accounts.credentials(username).map(c -> c.enabled() == enabled).orElse(false)) {
            return;
        }
        if (!enabled && username.equals(Actor.current().name())) {
            throw new AccountRefusedException("account.ownDisable");
        }
        if (!enabled && accounts.roles(username).contains(AppRoles.ADMIN)) {
            requireAnotherAdmin(username);
        }
        accounts.setEnabled(username, enabled);
        int ended = enabled ? 0 : sessions.endAllOf(username, "Account disabled");
        audit.record(enabled ? "user.enabled" : "user.disabled", null, null, Outcome.SUCCESS,
                "User " + username + (enabled ? " may log in." : " may no longer log in.") + endedSessions(ended));
    }

    /**
     * Sets a one-time password, shown once to the administrator, which its holder must replace at the
     * next login; every open session of the user ends and a login lockout is lifted. Audited.
     */
    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional
    public String resetPassword(String username) {
        requireUser(username);
        if (username.equals(Actor.current().name())) {
            throw new AccountRefusedException("account.ownPassword");
        }
        String oneTime = OneTimePasswords.generate();
        accounts.setPassword(username, encoder.encode(oneTime), true);
        throttle.unlock(username);
        int ended = sessions.endAllOf(username, "Password reset by an administrator");
        audit.record("user.password-reset", null, null, Outcome.SUCCESS, "Password of " + username
                + " reset to a one-time password, to be changed at the next login." + endedSessions(ended));
        return oneTime;
    }

    /** Someone must still be able to manage accounts afterwards. */
    private void requireAnotherAdmin(String username) {
        if (accounts.otherEnabledAdmins(username) == 0) {
            throw new AccountRefusedException("account.lastAdmin", username);
        }
    }

    private static String endedSessions(int ended) {
        return ended == 0 ? "" : " Open sessions ended: " + ended + ".";
    }

    private void requireUser(String username) {
        if (username == null || !accounts.exists(username)) {
            throw new AccountRefusedException("account.noUser", username);
        }
    }

    /**
     * An administrator manages accounts and holds no role that acts on migrations: otherwise one person
     * could give themselves DBA and TEAM_LEAD, or make the accounts to, and request and approve alone.
     */
    private static void checkRoles(Set<String> roles) {
        AccountRules.rolesProblem(roles).ifPresent(p -> {
            throw new AccountRefusedException(p.key(), p.params());
        });
    }

    /** Lifts a login lockout of the account (docs/security.md); audited. */
    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional
    public void unlock(String username) {
        throttle.unlock(username);
        audit.record("user.unlocked", null, null, Outcome.SUCCESS, "Login lockout of " + username + " lifted.");
    }

    /**
     * Anyone logged in changes their own password, giving the current one; their other sessions end.
     * Audited. True when it replaced a one-time password: this session then ends too, and the next
     * login carries the account's roles.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public boolean changeOwnPassword(String current, String replacement) {
        String me = Actor.current().name();
        var credentials = accounts.credentials(me)
                .orElseThrow(() -> new AccountRefusedException("account.gone"));
        if (current == null || !encoder.matches(current, credentials.passwordHash())) {
            audit.record("user.password-change-refused", null, null, Outcome.FAILURE, "Wrong current password.");
            throw new AccountRefusedException(WRONG_CURRENT_PASSWORD);
        }
        if (replacement != null && replacement.equals(current)) {
            throw new AccountRefusedException("account.samePassword");
        }
        PasswordPolicy.require(replacement, me);
        accounts.setPassword(me, encoder.encode(replacement), false);
        if (credentials.mustChangePassword()) {
            // This session holds no role (one-time password): it ends, and the next login has the roles.
            sessions.endCurrent(SessionEnd.PASSWORD_SET);
            audit.record("user.password-changed", null, null, Outcome.SUCCESS, "One-time password of " + me
                    + " replaced by its owner.");
            return true;
        }
        int ended = sessions.endMyOthers("Password changed");
        audit.record("user.password-changed", null, null, Outcome.SUCCESS, "Password of " + me + " changed by its owner."
                + endedSessions(ended));
        return false;
    }
}
