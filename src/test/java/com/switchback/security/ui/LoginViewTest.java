package com.switchback.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.switchback.base.ui.DemoMarker;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import org.junit.jupiter.api.Test;

class LoginViewTest extends KaribuTest {

    @Test
    void theDemoLoginPageListsTheDemoAccountsAndSaysItIsASimulation() {
        UI.getCurrent().navigate("login");
        _get(LoginForm.class);
        _get(Span.class, spec -> spec.withText(DemoMarker.TEXT));
        _get(Span.class, spec -> spec.withText("Demo accounts (password \"demo\"):"));
        for (String line : new String[]{"dba — DBA", "lead — TEAM_LEAD", "lead2 — TEAM_LEAD", "auditor — AUDITOR",
                "admin — ADMIN"}) {
            _get(Span.class, spec -> spec.withText(line));
        }
    }

    @Test
    void aFailedLoginIsShownOnTheForm() {
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.simple(java.util.Map.of("error", "")));
        assertThat(_get(LoginForm.class).isError()).isTrue();
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginPage() {
        UI.getCurrent().navigate("clusters");
        _get(LoginForm.class);
    }
}
