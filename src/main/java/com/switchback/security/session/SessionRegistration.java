package com.switchback.security.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Registers each logged-in session in {@code user_session} on its first authenticated request,
 * whichever way the login went (form or single sign-on). Part of the security filter chain, before
 * authorization; see {@link UserSessions} for how sessions end. A request of a session that has
 * ended invalidates it and goes on as a visitor's.
 */
public class SessionRegistration extends OncePerRequestFilter {

    private final UserSessions sessions;
    private final LocalSessions local;

    SessionRegistration(UserSessions sessions, LocalSessions local) {
        this.sessions = sessions;
        this.local = local;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession existing = request.getSession(false);
        if (existing != null && local.invalidateIfEnded(existing)) {
            SecurityContextHolder.clearContext();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken)) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(LocalSessions.ATTRIBUTE) == null) {
                synchronized (local) {
                    if (session.getAttribute(LocalSessions.ATTRIBUTE) == null) {
                        local.add(sessions.open(auth.getName(), request.getRemoteAddr(), request.getHeader("User-Agent")),
                                session);
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }
}
