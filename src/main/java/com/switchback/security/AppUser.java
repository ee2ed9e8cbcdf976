package com.switchback.security;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;
import org.springframework.data.domain.Persistable;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An account as stored: a plain aggregate (the user and their roles), read and written through
 * Spring Data JDBC ({@link AppUsers}). Its name is chosen by people, so a new one says it is new.
 */
@Table("app_user")
class AppUser implements Persistable<String> {

    /** One role of a user (a row of {@code app_user_role}). */
    @Table("app_user_role")
    record Role(String role) {
    }

    @Id
    private final String username;
    private final String displayName;
    private String passwordHash;
    private boolean enabled;
    private boolean mustChangePassword;
    private boolean darkMode;
    /** The language the person picked in the user menu, as a language tag; none means the browser's. */
    private String locale;
    @MappedCollection(idColumn = "username")
    private Set<Role> roles;
    @Transient
    private final boolean isNew;

    /** As Spring Data JDBC reads it. */
    @org.springframework.data.annotation.PersistenceCreator
    AppUser(String username, String displayName, String passwordHash, boolean enabled, boolean mustChangePassword,
            boolean darkMode, String locale, Set<Role> roles) {
        this(username, displayName, passwordHash, enabled, mustChangePassword, roles, false);
        this.darkMode = darkMode;
        this.locale = locale;
    }

    private AppUser(String username, String displayName, String passwordHash, boolean enabled,
                    boolean mustChangePassword, Set<Role> roles, boolean isNew) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.mustChangePassword = mustChangePassword;
        this.roles = roles;
        this.isNew = isNew;
    }

    static AppUser create(String username, String displayName, String passwordHash, Set<String> roles) {
        return new AppUser(username, displayName, passwordHash, true, false, toRoles(roles), true);
    }

    @Override
    public String getId() {
        return username;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    Set<String> roleNames() {
        return roles.stream().map(Role::role).collect(Collectors.toCollection(TreeSet::new));
    }

    void replaceRoles(Set<String> names) {
        this.roles = toRoles(names);
    }

    /** A new password hash; {@code oneTime} when an administrator set it and its holder must replace it. */
    void setPassword(String hash, boolean oneTime) {
        this.passwordHash = hash;
        this.mustChangePassword = oneTime;
    }

    boolean darkMode() {
        return darkMode;
    }

    void setDarkMode(boolean dark) {
        this.darkMode = dark;
    }

    String locale() {
        return locale;
    }

    void setLocale(String languageTag) {
        this.locale = languageTag;
    }

    void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    UserAccount account() {
        return new UserAccount(username, displayName, enabled, roleNames());
    }

    private static Set<Role> toRoles(Set<String> names) {
        return names.stream().map(Role::new).collect(Collectors.toSet());
    }
}
