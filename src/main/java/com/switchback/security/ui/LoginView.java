package com.switchback.security.ui;

import com.switchback.base.DemoMode;
import com.switchback.security.session.SessionEnd;
import com.switchback.security.SsoProperties;
import com.vaadin.flow.component.html.Anchor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import com.switchback.base.ui.DemoMarker;
import com.switchback.security.DemoAccounts;
import com.switchback.security.LoginThrottledException;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

@Route(value = "login", autoLayout = false)
@PageTitle("Log in — Switchback")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();

    public LoginView(DemoMode demo, ObjectProvider<ClientRegistrationRepository> sso, SsoProperties ssoProperties) {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Switchback"), new Paragraph("RDS for MySQL → PolarDB migration console"));
        if (demo.enabled()) {
            add(DemoMarker.create());
        }
        add(login);
        if (sso.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                // A plain link: the browser leaves the single-page app for the provider's login.
                Anchor provider = new Anchor("oauth2/authorization/" + ((ClientRegistration) r).getRegistrationId(),
                        ssoProperties.label());
                provider.setRouterIgnore(true);
                provider.addClassName("sb-sso-login");
                add(provider);
            }
        }
        if (demo.enabled()) {
            VerticalLayout accounts = new VerticalLayout();
            accounts.addClassName("sb-demo-accounts");
            accounts.setSpacing(false);
            accounts.setWidth(null);
            accounts.setAlignItems(Alignment.CENTER);
            accounts.add(new Span("Demo accounts (password \"" + DemoAccounts.PASSWORD + "\"):"));
            DemoAccounts.ACCOUNTS.forEach((user, roles) ->
                    accounts.add(new Span(user + " — " + String.join(", ", roles))));
            add(accounts);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var ended = event.getLocation().getQueryParameters().getSingleParameter("ended").map(SessionEnd::fromParameter);
        if (event.getLocation().getQueryParameters().getParameters().containsKey("sso-refused")) {
            Object last = lastAuthenticationFailure();
            Paragraph refused = new Paragraph("Single sign-on did not log you in. " + (last instanceof
                    org.springframework.security.oauth2.core.OAuth2AuthenticationException e
                    && e.getError().getDescription() != null ? e.getError().getDescription() : "Try again, or ask an administrator."));
            refused.addClassName("sb-sso-refused");
            addComponentAtIndex(2, refused);
        }
        ended.ifPresent(why -> {
            Paragraph notice = new Paragraph(why.message());
            notice.addClassName("sb-session-ended");
            addComponentAtIndex(2, notice);
        });
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            login.setError(true);
            Object last = lastAuthenticationFailure();
            if (last instanceof LoginThrottledException throttled) {
                // Said the same whether or not the account exists.
                LoginI18n i18n = LoginI18n.createDefault();
                i18n.getErrorMessage().setTitle("Too many failed attempts");
                i18n.getErrorMessage().setMessage("Logging in is paused for this account or address. Try again in "
                        + throttled.waitSeconds() + " s; an administrator can lift a lockout.");
                login.setI18n(i18n);
            }
        }
    }

    /** Why the last login of this browser session failed, as Spring Security left it in the session. */
    private static Object lastAuthenticationFailure() {
        var request = com.vaadin.flow.server.VaadinServletRequest.getCurrent();
        var session = request == null ? null : request.getHttpServletRequest().getSession(false);
        return session == null ? null
                : session.getAttribute(org.springframework.security.web.WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
