package com.switchback;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.internal.CurrentInstance;
import com.vaadin.flow.server.VaadinServletRequest;
import java.util.Set;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Views in a mocked browser, backed by the whole application. Spring Security's filters do not
 * run here, so a test logs in by setting the security context and the fake request's principal.
 */
@SwitchbackTest
public abstract class KaribuTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("com.switchback");

    @Autowired
    protected ApplicationContext ctx;

    @BeforeEach
    void setUpVaadin() {
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, ctx, uiFactory));
    }

    @AfterEach
    void tearDownVaadin() {
        // Still logged in while the session closes: a live update that arrives now runs as the user did.
        MockVaadin.tearDown();
        logout();
        // Leave no Vaadin session on this thread: the security context would be looked up there.
        CurrentInstance.clearAll();
    }

    protected void login(String username, String... roles) {
        Authentication auth = TestUsers.authentication(username, roles);
        SecurityContextHolder.getContext().setAuthentication(auth);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(auth);
        Set<String> granted = Set.of(roles);
        request.setUserInRole((principal, role) -> granted.contains(role));
    }

    /** Opening {@code path} shows the access-denied page, not the view. */
    protected void assertAccessDenied(String path, Class<? extends com.vaadin.flow.component.Component> view) {
        UI.getCurrent().navigate(path);
        com.github.mvysny.kaributesting.v10.LocatorJ._get(com.vaadin.flow.component.html.H2.class,
                spec -> spec.withText("Access denied"));
        org.assertj.core.api.Assertions.assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(view)).isEmpty();
    }

    protected void logout() {
        SecurityContextHolder.clearContext();
        if (VaadinServletRequest.getCurrent() != null) {
            FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
            request.setUserPrincipalInt(null);
            request.setUserInRole((principal, role) -> false);
        }
    }
}
