package com.switchback.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.SwitchbackTest;
import com.switchback.TestUsers;
import com.switchback.migration.freeze.FreezeService;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.ObservationAuthorizationManager;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Spring Security's observations are off, wrappers and all (SecurityConfig): every request's filters
 * and every secured call ran through them, and nothing here reads them. Security itself still holds.
 */
@SwitchbackTest
class SecurityObservationsTest {

    @Autowired ObservationRegistry observations;
    @Autowired FreezeService freezes;
    @Autowired ApplicationContext context;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void aSecuredCallStartsNoObservationAndIsStillChecked() {
        List<String> started = new CopyOnWriteArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context c) {
                started.add(c.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context c) {
                return true;
            }
        });
        TestUsers.loginAs("dba", "DBA");
        freezes.current();
        assertThatThrownBy(() -> freezes.create(null, null, "", List.of())).isInstanceOf(AccessDeniedException.class);
        assertThat(started).noneMatch(name -> name.startsWith("spring.security"));
    }

    @Test
    void neitherTheFilterChainNorTheMethodChecksAreWrapped() {
        FilterChainProxy filters = context.getBean(FilterChainProxy.class);
        assertThat(ReflectionTestUtils.getField(filters, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
        // @PreAuthorize's interceptor decides with the role checks themselves, not a wrapper around them.
        Object interceptor = context.getBean("preAuthorizeByRoles");
        assertThat(interceptor).isInstanceOf(AuthorizationManagerBeforeMethodInterceptor.class);
        assertThat(ReflectionTestUtils.getField(interceptor, "authorizationManager"))
                .isInstanceOf(RoleChecks.class)
                .isNotInstanceOf(ObservationAuthorizationManager.class);
    }
}
