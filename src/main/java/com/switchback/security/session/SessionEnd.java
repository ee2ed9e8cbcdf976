package com.switchback.security.session;

/** Why a session ended, as the login page tells the person whose tab it was. */
public enum SessionEnd {
    IDLE("Your session ended after a period without activity. Log in again."),
    LIFETIME("Your session reached its maximum length. Log in again."),
    REVOKED("Your session was ended: your account was changed or you ended it elsewhere. Log in again."),
    PASSWORD_SET("Your password is set. Log in with it.");

    private final String message;

    SessionEnd(String message) {
        this.message = message;
    }

    public String message() {
        return message;
    }

    /** The value of the login page's {@code ended} parameter, or null for anything else. */
    public static SessionEnd fromParameter(String value) {
        for (SessionEnd e : values()) {
            if (e.name().equalsIgnoreCase(value)) {
                return e;
            }
        }
        return null;
    }
}
