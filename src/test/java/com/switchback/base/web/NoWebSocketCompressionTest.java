package com.switchback.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The browser's offer of per-message compression does not reach the WebSocket upgrade; nothing else changes. */
class NoWebSocketCompressionTest {

    private final NoWebSocketCompression filter = new NoWebSocketCompression();

    @Test
    void theOfferOfCompressionIsNotPassedOn() throws Exception {
        MockHttpServletRequest upgrade = new MockHttpServletRequest("GET", "/VAADIN/push");
        upgrade.addHeader("Upgrade", "websocket");
        upgrade.addHeader("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
        HttpServletRequest passed = passOn(upgrade);

        assertThat(passed.getHeader("sec-websocket-extensions")).isNull();
        assertThat(Collections.list(passed.getHeaders("Sec-WebSocket-Extensions"))).isEmpty();
        assertThat(Collections.list(passed.getHeaderNames())).contains("Upgrade")
                .noneMatch(n -> n.equalsIgnoreCase("Sec-WebSocket-Extensions"));
        assertThat(passed.getHeader("Upgrade")).isEqualTo("websocket");
    }

    @Test
    void aRequestWithoutTheOfferIsPassedOnAsItCame() throws Exception {
        MockHttpServletRequest plain = new MockHttpServletRequest("GET", "/clusters");
        assertThat(passOn(plain)).isSameAs(plain);
    }

    private HttpServletRequest passOn(MockHttpServletRequest request) throws Exception {
        AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(),
                (req, res) -> passed.set((HttpServletRequest) req));
        return passed.get();
    }
}
