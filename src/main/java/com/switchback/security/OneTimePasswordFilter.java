package com.switchback.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session logged in with a one-time password opens every page as the password page: it holds no
 * role ({@link PasswordChange}), so the services refuse it anyway; this only saves the detour
 * through "access denied".
 */
class OneTimePasswordFilter extends OncePerRequestFilter {

    private static final Set<String> ALLOWED = Set.of("/password", "/login", "/logout");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept");
        boolean pageLoad = "GET".equals(request.getMethod()) && request.getParameter("v-r") == null
                && accept != null && accept.contains("text/html") && !ALLOWED.contains(path);
        if (pageLoad && PasswordChange.required(SecurityContextHolder.getContext().getAuthentication())) {
            response.sendRedirect(request.getContextPath() + "/password");
            return;
        }
        chain.doFilter(request, response);
    }
}
