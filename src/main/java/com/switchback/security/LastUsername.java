package com.switchback.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the user name of a login attempt in the session, so that after a failure the login page
 * shows it again and only the password is retyped. Never the password; clipped to a user name's
 * length. A successful login changes the session id and the page no longer reads it.
 */
public final class LastUsername extends OncePerRequestFilter {

    public static final String ATTRIBUTE = LastUsername.class.getName();

    private static final int MAX = 64;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            String typed = request.getParameter("username");
            if (typed != null) {
                String kept = typed.strip();
                request.getSession().setAttribute(ATTRIBUTE, kept.length() > MAX ? kept.substring(0, MAX) : kept);
            }
        }
        chain.doFilter(request, response);
    }
}
