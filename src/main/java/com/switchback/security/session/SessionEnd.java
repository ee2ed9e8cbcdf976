package com.switchback.security.session;

/**
 * Why a session ended, as the login page tells the person whose tab it was (its words:
 * {@code sessionEnd.<NAME>} in the message bundles).
 */
public enum SessionEnd {
    IDLE, LIFETIME, REVOKED, PASSWORD_SET;

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
