package com.switchback.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/** A push request finds the session its page has, and never makes one; every other request can. */
class PushStartsNoSessionTest {

    private final PushStartsNoSession filter = new PushStartsNoSession();

    @Test
    void aPushRequestWithoutASessionGetsNone() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/VAADIN/push");
        HttpServletRequest seen = pass(request);
        assertThat(seen.getSession(true)).isNull();
        assertThat(seen.getSession()).isNull();
        assertThat(request.getSession(false)).as("nothing was created underneath").isNull();
    }

    @Test
    void aPushRequestFindsItsPagesSession() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/VAADIN/push");
        MockHttpSession session = new MockHttpSession();
        request.setSession(session);
        assertThat(pass(request).getSession(true)).isSameAs(session);
    }

    @Test
    void anyOtherRequestCanStartOne() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/clusters");
        assertThat(pass(request).getSession(true)).isNotNull();
    }

    private HttpServletRequest pass(MockHttpServletRequest request) throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }
}
