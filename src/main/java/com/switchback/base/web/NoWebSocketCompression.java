package com.switchback.base.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Push WebSockets without per-message compression: the browser's offer of it is not passed on, so
 * Tomcat does not take it up. A page's pushes are a few hundred bytes, which compression does not
 * shrink, and each compressed connection keeps a compressor and a decompressor (heap and native
 * memory) and compresses every message it sends. docs/decisions/DD019-lean-connections.md
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NoWebSocketCompression extends OncePerRequestFilter {

    static final String EXTENSIONS = "Sec-WebSocket-Extensions";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(EXTENSIONS) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
            }

            @Override
            public Enumeration<String> getHeaders(String name) {
                return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                        .filter(n -> !EXTENSIONS.equalsIgnoreCase(n)).toList());
            }
        }, response);
    }
}
