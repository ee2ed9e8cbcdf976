package com.switchback.security.ui;

import com.switchback.base.web.PlainPage;
import com.switchback.base.DemoMode;
import com.switchback.base.ui.DemoMarker;
import com.switchback.security.DemoAccounts;
import com.switchback.security.LastUsername;
import com.switchback.security.LoginThrottledException;
import com.switchback.security.SsoProperties;
import com.switchback.security.session.SessionEnd;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.switchback.base.i18n.Messages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page, rendered on the server as plain HTML: the form is there with the first response,
 * before (and without) the console's script bundle, which a Vaadin view would have to load first.
 * It posts to Spring Security's form login; the rest of the console loads after logging in.
 */
@Controller
class LoginPage {

    /** A line above the form: an error (role alert) or information (role status). */
    private record Message(boolean error, String kind, String text) {
    }

    private final DemoMode demo;
    private final ObjectProvider<ClientRegistrationRepository> sso;
    private final SsoProperties ssoProperties;

    LoginPage(DemoMode demo, ObjectProvider<ClientRegistrationRepository> sso, SsoProperties ssoProperties) {
        this.demo = demo;
        this.sso = sso;
        this.ssoProperties = ssoProperties;
    }

    @GetMapping("/login")
    ResponseEntity<String> page(HttpServletRequest request) {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .body(render(request));
    }

    String render(HttpServletRequest request) {
        Locale locale = Messages.of(request);
        HttpSession session = request.getSession(false);
        List<Message> messages = new ArrayList<>();
        String username = "";
        if (request.getParameter("error") != null) {
            Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            // Said the same whether or not the account exists.
            messages.add(new Message(true, "sb-login-failed", last instanceof LoginThrottledException throttled
                    ? Messages.get(locale, "login.throttled", throttled.waitSeconds())
                    : Messages.get(locale, "login.failed")));
            // Kept, so only the password is typed again.
            Object typed = session == null ? null : session.getAttribute(LastUsername.ATTRIBUTE);
            username = typed instanceof String s ? s : "";
        }
        if (request.getParameter("sso-refused") != null) {
            Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            messages.add(new Message(true, "sb-sso-refused", Messages.get(locale, "login.ssoRefused",
                    last instanceof OAuth2AuthenticationException e && e.getError().getDescription() != null
                    ? e.getError().getDescription() : Messages.get(locale, "login.ssoTryAgain"))));
        }
        SessionEnd ended = SessionEnd.fromParameter(request.getParameter("ended"));
        if (ended != null) {
            messages.add(new Message(false, "sb-session-ended", Messages.get(locale, "sessionEnd." + ended.name())));
        }
        if (request.getParameter("logout") != null) {
            messages.add(new Message(false, "sb-logged-out", Messages.get(locale, "login.loggedOut")));
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return html(messages, username, csrf, locale);
    }

    private String html(List<Message> messages, String username, CsrfToken csrf, Locale locale) {
        StringBuilder b = new StringBuilder(4096);
        b.append("<h1>Switchback</h1>\n<p class=\"sb-login-tagline\">").append(e(Messages.get(locale, "login.tagline"))).append("</p>\n");
        if (demo.enabled()) {
            b.append("<span class=\"sb-demo-marker\">").append(e(Messages.get(locale, DemoMarker.TEXT))).append("</span>\n");
        }
        for (Message m : messages) {
            b.append("<p class=\"").append(m.error() ? "sb-login-error " : "sb-login-info ").append(m.kind())
                    .append("\" role=\"").append(m.error() ? "alert" : "status").append("\">").append(e(m.text())).append("</p>\n");
        }
        b.append("<form method=\"post\" action=\"login\" class=\"sb-login-form\">\n");
        if (csrf != null) {
            b.append("<input type=\"hidden\" name=\"").append(e(csrf.getParameterName())).append("\" value=\"")
                    .append(e(csrf.getToken())).append("\">\n");
        }
        b.append("<label for=\"username\">").append(e(Messages.get(locale, "login.username"))).append("</label>\n<input id=\"username\" name=\"username\" "
                        + "autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" maxlength=\"64\" required")
                .append(username.isEmpty() ? " autofocus" : "").append(" value=\"").append(e(username)).append("\">\n");
        b.append("<label for=\"password\">").append(e(Messages.get(locale, "login.password"))).append("</label>\n<input id=\"password\" name=\"password\" type=\"password\" "
                        + "autocomplete=\"current-password\" maxlength=\"128\" required")
                .append(username.isEmpty() ? "" : " autofocus").append(">\n");
        b.append("<button type=\"submit\">").append(e(Messages.get(locale, "login.logIn"))).append("</button>\n</form>\n");
        if (sso.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                b.append("<a class=\"sb-sso-login\" href=\"oauth2/authorization/")
                        .append(e(((ClientRegistration) r).getRegistrationId())).append("\">")
                        .append(e(ssoProperties.label())).append("</a>\n");
            }
        }
        if (demo.enabled()) {
            b.append("<div class=\"sb-demo-accounts\"><span>")
                    .append(e(Messages.get(locale, "login.demoAccounts", DemoAccounts.PASSWORD))).append("</span>\n");
            DemoAccounts.ACCOUNTS.forEach((user, roles) ->
                    b.append("<span>").append(e(user + " — " + String.join(", ", roles))).append("</span>\n"));
            b.append("</div>\n");
        }
        return PlainPage.document(locale, Messages.get(locale, "login.logIn"), b.toString());
    }

    private static String e(String text) {
        return PlainPage.escape(text);
    }
}
