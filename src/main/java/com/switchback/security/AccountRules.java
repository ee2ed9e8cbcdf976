package com.switchback.security;

import com.switchback.base.AppRoles;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of an account's name and roles, for the service that enforces them and the forms that show them. */
public final class AccountRules {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");

    private AccountRules() {
    }

    /** The user-name rule, as forms show it before anything is typed. */
    public static final String USERNAME_RULE = "2–32 characters: lower-case letters, digits, '.', '_' or '-', "
            + "starting with a letter.";

    /** Why {@code username} is not a valid new user name, if it is not (the service refuses it the same way). */
    public static java.util.Optional<String> usernameProblem(String username) {
        return username != null && USERNAME.matcher(username).matches() ? java.util.Optional.empty()
                : java.util.Optional.of("A username is " + USERNAME_RULE);
    }

    /** Why a set of roles cannot be held together, if it cannot (the service refuses it the same way). */
    public static java.util.Optional<String> rolesProblem(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !AppRoles.ALL.containsAll(roles)) {
            return java.util.Optional.of("Choose one or more of the roles " + AppRoles.ALL + ".");
        }
        if (roles.contains(AppRoles.ADMIN) && (roles.contains(AppRoles.DBA) || roles.contains(AppRoles.TEAM_LEAD))) {
            return java.util.Optional.of("An administrator holds no DBA or TEAM_LEAD role (separation of duties): "
                    + "use a second account for those.");
        }
        return java.util.Optional.empty();
    }
}
