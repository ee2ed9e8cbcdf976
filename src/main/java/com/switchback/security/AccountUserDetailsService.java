package com.switchback.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security reads accounts and their roles from PostgreSQL. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    AccountUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var c = accounts.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return User.withUsername(c.username())
                .password(c.passwordHash())
                .disabled(!c.enabled())
                .roles(c.roles().toArray(String[]::new))
                .build();
    }
}
