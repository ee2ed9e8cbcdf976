package com.switchback.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security reads accounts and their roles from PostgreSQL. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    /** The only authority of a session logged in with a one-time password. */
    static final String MUST_CHANGE_PASSWORD = PasswordChange.REQUIRED;

    private final UserAccountRepository accounts;

    AccountUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var c = accounts.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        var user = User.withUsername(c.username()).password(c.passwordHash()).disabled(!c.enabled());
        // A one-time password from an administrator's reset grants no role: only choosing one's own.
        return c.mustChangePassword() ? user.authorities(MUST_CHANGE_PASSWORD).build()
                : user.roles(c.roles().toArray(String[]::new)).build();
    }
}
