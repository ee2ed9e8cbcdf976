package com.switchback.security;

import org.springframework.security.core.Authentication;

/**
 * A login with a one-time password (an administrator's reset) carries only this authority: no role,
 * so every service refuses it, and the views send it to the password page until its holder has
 * chosen their own password.
 */
public final class PasswordChange {

    public static final String REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    private PasswordChange() {
    }

    public static boolean required(Authentication auth) {
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> REQUIRED.equals(a.getAuthority()));
    }
}
