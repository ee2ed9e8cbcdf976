package com.switchback.security;

import org.springframework.security.authentication.LockedException;

/** An attempt refused before its password was checked: too many failures for the account or address. */
public class LoginThrottledException extends LockedException {

    private final long waitSeconds;

    LoginThrottledException(long waitSeconds) {
        super("Too many failed attempts: try again in " + Math.max(1, waitSeconds) + " s.");
        this.waitSeconds = Math.max(1, waitSeconds);
    }

    public long waitSeconds() {
        return waitSeconds;
    }
}
