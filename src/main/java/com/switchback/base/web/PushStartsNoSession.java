package com.switchback.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A push request never starts a servlet session. A page's push connection always follows the page's
 * own first request, which made its session; a push request without one comes from a page whose
 * session is gone (a restarted server). Flow's push asks for a session with "create" (Atmosphere's
 * session support), and such a new session came back as a cookie. When that answer reached the browser
 * after the page had been reloaded on its way to the login page, it replaced the session holding the
 * address to return to, and the login went to the start page instead. Without the session, Flow tells
 * the page that its session expired, as for any other request of the old page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PushStartsNoSession extends OncePerRequestFilter {

    static final String PUSH_PATH = "/VAADIN/push";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + PUSH_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public HttpSession getSession() {
                return getSession(false);
            }

            @Override
            public HttpSession getSession(boolean create) {
                return super.getSession(false);
            }
        }, response);
    }
}
