package com.switchback.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The account operations the security package needs, on the {@link AppUser} aggregate through its
 * Spring Data JDBC repository ({@link AppUsers}): each loads the aggregate, changes it and saves it.
 */
@Component
class UserAccountRepository {

    record Credentials(String username, String passwordHash, boolean enabled, Set<String> roles, boolean mustChangePassword) {
    }

    private final AppUsers users;

    UserAccountRepository(AppUsers users) {
        this.users = users;
    }

    Optional<Credentials> credentials(String username) {
        return users.findById(username).map(u -> new Credentials(u.username(), u.passwordHash(), u.enabled(),
                u.roleNames(), u.mustChangePassword()));
    }

    Set<String> roles(String username) {
        return users.findById(username).map(AppUser::roleNames).orElse(Set.of());
    }

    boolean exists(String username) {
        return users.existsById(username);
    }

    /** Enabled accounts that hold ADMIN, other than {@code username}. */
    long otherEnabledAdmins(String username) {
        return users.countOtherEnabledAdmins(username);
    }

    long count() {
        return users.count();
    }

    void insert(String username, String displayName, String passwordHash, Set<String> roles) {
        users.save(AppUser.create(username, displayName, passwordHash, roles));
    }

    void replaceRoles(String username, Set<String> roles) {
        change(username, u -> u.replaceRoles(roles));
    }

    /** A new password hash; {@code oneTime} when an administrator set it and its holder must replace it. */
    void setPassword(String username, String passwordHash, boolean oneTime) {
        change(username, u -> u.setPassword(passwordHash, oneTime));
    }

    void setEnabled(String username, boolean enabled) {
        change(username, u -> u.setEnabled(enabled));
    }

    List<UserAccount> findAll() {
        return users.findAllByOrderByUsername().stream().map(AppUser::account).toList();
    }

    private void change(String username, java.util.function.Consumer<AppUser> change) {
        users.findById(username).ifPresent(u -> {
            change.accept(u);
            users.save(u);
        });
    }
}
