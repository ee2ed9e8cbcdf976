package com.switchback.security;

import java.util.Set;

/** A person who can log in; the password hash never leaves the security package. */
public record UserAccount(String username, String displayName, boolean enabled, Set<String> roles) {
}
