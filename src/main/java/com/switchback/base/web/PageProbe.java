package com.switchback.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every open page asks every few seconds to know the server is there (base.ui.ConnectionState):
 * 204 while the application is live, 503 when it is not, from the same liveness state as
 * {@code /actuator/health/liveness}. Answered first, before the security filters and the web
 * framework: it reads nothing of a session and says nothing but that, and through them each ask cost
 * more than a page's live update (docs/benchmarks.md).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageProbe extends OncePerRequestFilter {

    static final String PATH = "/alive";

    private final ApplicationAvailability availability;

    PageProbe(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().equals(request.getContextPath() + PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) {
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(availability.getLivenessState() == LivenessState.CORRECT
                ? HttpServletResponse.SC_NO_CONTENT : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    }
}
