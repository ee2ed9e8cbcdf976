package com.switchback;

import java.util.Arrays;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;

/** Acting as a user in service tests: sets and clears the security context. */
public final class TestUsers {

    private TestUsers() {
    }

    public static Authentication authentication(String username, String... roles) {
        List<SimpleGrantedAuthority> authorities = Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, "n/a", authorities);
    }

    public static void loginAs(String username, String... roles) {
        SecurityContextHolder.setContext(new SecurityContextImpl(authentication(username, roles)));
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
    }
}
