package com.switchback.security;

import com.switchback.base.i18n.Text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be (docs/security.md, V2.1): 12 characters or more, at most 72 bytes in UTF-8
 * (BCrypt reads no further, and longer ones would be silently cut), not the user name, and not on
 * the shipped list of common passwords.
 */
public final class PasswordPolicy {

    public static final int MIN_CHARACTERS = 12;
    public static final int MAX_BYTES = 72;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** Why {@code password} is refused, in words for the person choosing it; empty when it is fine. */
    public static Optional<Text> problem(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
            return Optional.of(Text.of("password.tooShort", MIN_CHARACTERS));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(Text.of("password.tooLong", MAX_BYTES));
        }
        if (username != null && password.strip().equalsIgnoreCase(username.strip())) {
            return Optional.of(Text.of("password.isUsername"));
        }
        if (COMMON.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(Text.of("password.common"));
        }
        return Optional.empty();
    }

    static void require(String password, String username) {
        problem(password, username).ifPresent(p -> {
            throw new AccountRefusedException(p.key(), p.params());
        });
    }

    private static Set<String> load() {
        var in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt");
        if (in == null) {
            throw new IllegalStateException("The list of common passwords is missing from the build.");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
