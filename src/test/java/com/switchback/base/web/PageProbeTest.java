package com.switchback.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The pages' liveness probe: answered at once from the application's liveness; every other address goes on. */
class PageProbeTest {

    private LivenessState liveness = LivenessState.CORRECT;
    private final ApplicationAvailability availability = new ApplicationAvailability() {
        @Override
        @SuppressWarnings("unchecked")
        public <S extends AvailabilityState> S getState(Class<S> type, S defaultState) {
            return type == LivenessState.class ? (S) liveness : defaultState;
        }

        @Override
        public <S extends AvailabilityState> S getState(Class<S> type) {
            return getState(type, null);
        }

        @Override
        public <S extends AvailabilityState> AvailabilityChangeEvent<S> getLastChangeEvent(Class<S> type) {
            return null;
        }
    };
    private final PageProbe probe = new PageProbe(availability);

    @Test
    void aLiveServerAnswersNoContentAndNothingIsCached() throws Exception {
        MockHttpServletResponse response = ask("/alive");
        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void aBrokenServerSaysSo() throws Exception {
        liveness = LivenessState.BROKEN;
        assertThat(ask("/alive").getStatus()).isEqualTo(503);
    }

    @Test
    void everyOtherAddressGoesOnToTheApplication() throws Exception {
        AtomicBoolean passedOn = new AtomicBoolean();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/alive/more");
        probe.doFilter(request, new MockHttpServletResponse(), (req, res) -> passedOn.set(true));
        assertThat(passedOn).isTrue();
    }

    private MockHttpServletResponse ask(String path) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        probe.doFilter(new MockHttpServletRequest("GET", path), response,
                (req, res) -> { throw new AssertionError("the probe went on to the application"); });
        return response;
    }
}
