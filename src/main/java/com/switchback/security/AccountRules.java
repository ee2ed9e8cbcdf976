package com.switchback.security;

import com.switchback.base.i18n.Text;

import com.switchback.base.AppRoles;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of an account's name and roles, for the service that enforces them and the forms that show them. */
public final class AccountRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    private AccountRules() {
    }

    /** The message key of the user-name rule, as forms show it before anything is typed. */
    public static final String USERNAME_RULE = "account.usernameRule";

    /** Why {@code username} is not a valid new user name, if it is not (the service refuses it the same way). */
    public static java.util.Optional<Text> usernameProblem(String username) {
        return username != null && USERNAME.matcher(username).matches() ? java.util.Optional.empty()
                : java.util.Optional.of(Text.of("account.usernameProblem"));
    }

    /** Why a set of roles cannot be held together, if it cannot (the service refuses it the same way). */
    public static java.util.Optional<Text> rolesProblem(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !AppRoles.ALL.containsAll(roles)) {
            return java.util.Optional.of(Text.of("account.chooseRoles", AppRoles.ALL));
        }
        if (roles.contains(AppRoles.ADMIN) && (roles.contains(AppRoles.DBA) || roles.contains(AppRoles.TEAM_LEAD))) {
            return java.util.Optional.of(Text.of("account.separationOfDuties"));
        }
        return java.util.Optional.empty();
    }
}
