package com.switchback.security;

import com.switchback.base.AppRoles;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** User and role management, for administrators only. */
@Service
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    UserService(UserAccountRepository accounts, PasswordEncoder encoder, AuditLog audit) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
    }

    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional(readOnly = true)
    public List<UserAccount> users() {
        return accounts.findAll();
    }

    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional
    public void create(String username, String password, Set<String> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("A username is 2–32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter.");
        }
        if (password == null || password.length() < 12 || password.length() > 128) {
            throw new IllegalArgumentException("A password has 12 to 128 characters.");
        }
        checkRoles(roles);
        if (accounts.exists(username)) {
            throw new IllegalArgumentException("The user '" + username + "' already exists.");
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
        accounts.replaceRoles(username, roles);
        audit.record("user.roles-changed", null, null, Outcome.SUCCESS, "Roles of " + username + ": " + before
                + " → " + new java.util.TreeSet<>(roles) + ".");
    }

    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional
    public void setEnabled(String username, boolean enabled) {
        requireUser(username);
        accounts.setEnabled(username, enabled);
        audit.record(enabled ? "user.enabled" : "user.disabled", null, null, Outcome.SUCCESS,
                "User " + username + (enabled ? " may log in." : " may no longer log in."));
    }

    private void requireUser(String username) {
        if (username == null || !accounts.exists(username)) {
            throw new IllegalArgumentException("There is no user '" + username + "'.");
        }
    }

    private static void checkRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !AppRoles.ALL.containsAll(roles)) {
            throw new IllegalArgumentException("Choose one or more of the roles " + AppRoles.ALL + ".");
        }
    }
}
