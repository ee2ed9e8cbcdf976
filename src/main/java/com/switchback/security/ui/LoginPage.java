package com.switchback.security.ui;

import com.switchback.Application;
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
import org.springframework.web.util.HtmlUtils;

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
        HttpSession session = request.getSession(false);
        List<Message> messages = new ArrayList<>();
        String username = "";
        if (request.getParameter("error") != null) {
            Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            // Said the same whether or not the account exists.
            messages.add(new Message(true, "sb-login-failed", last instanceof LoginThrottledException throttled
                    ? "Too many failed attempts. Logging in is paused for this account or address. Try again in "
                      + throttled.waitSeconds() + " s; an administrator can lift a lockout."
                    : "Incorrect user name or password. Check them and try again."));
            // Kept, so only the password is typed again.
            Object typed = session == null ? null : session.getAttribute(LastUsername.ATTRIBUTE);
            username = typed instanceof String s ? s : "";
        }
        if (request.getParameter("sso-refused") != null) {
            Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            messages.add(new Message(true, "sb-sso-refused", "Single sign-on did not log you in. " + (last instanceof OAuth2AuthenticationException e
                    && e.getError().getDescription() != null ? e.getError().getDescription()
                    : "Try again, or ask an administrator.")));
        }
        SessionEnd ended = SessionEnd.fromParameter(request.getParameter("ended"));
        if (ended != null) {
            messages.add(new Message(false, "sb-session-ended", ended.message()));
        }
        if (request.getParameter("logout") != null) {
            messages.add(new Message(false, "sb-logged-out", "You are logged out."));
        }
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return html(messages, username, csrf);
    }

    private String html(List<Message> messages, String username, CsrfToken csrf) {
        StringBuilder b = new StringBuilder(4096);
        b.append("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Log in — Switchback</title>
                """);
        b.append("<link rel=\"icon\" href=\"").append(e(Application.FAVICON)).append("\">\n");
        b.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n<main class=\"sb-login\">\n");
        b.append("<h1>Switchback</h1>\n<p class=\"sb-login-tagline\">RDS for MySQL → PolarDB migration console</p>\n");
        if (demo.enabled()) {
            b.append("<span class=\"sb-demo-marker\">").append(e(DemoMarker.TEXT)).append("</span>\n");
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
        b.append("<label for=\"username\">User name</label>\n<input id=\"username\" name=\"username\" "
                        + "autocomplete=\"username\" autocapitalize=\"none\" spellcheck=\"false\" maxlength=\"64\" required")
                .append(username.isEmpty() ? " autofocus" : "").append(" value=\"").append(e(username)).append("\">\n");
        b.append("<label for=\"password\">Password</label>\n<input id=\"password\" name=\"password\" type=\"password\" "
                        + "autocomplete=\"current-password\" maxlength=\"128\" required")
                .append(username.isEmpty() ? "" : " autofocus").append(">\n");
        b.append("<button type=\"submit\">Log in</button>\n</form>\n");
        if (sso.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object r : registrations) {
                b.append("<a class=\"sb-sso-login\" href=\"oauth2/authorization/")
                        .append(e(((ClientRegistration) r).getRegistrationId())).append("\">")
                        .append(e(ssoProperties.label())).append("</a>\n");
            }
        }
        if (demo.enabled()) {
            b.append("<div class=\"sb-demo-accounts\"><span>Demo accounts (password \"")
                    .append(e(DemoAccounts.PASSWORD)).append("\"):</span>\n");
            DemoAccounts.ACCOUNTS.forEach((user, roles) ->
                    b.append("<span>").append(e(user + " — " + String.join(", ", roles))).append("</span>\n"));
            b.append("</div>\n");
        }
        return b.append("</main>\n</body>\n</html>\n").toString();
    }

    private static String e(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** Lumo's look in a few lines, inline: the page needs no other request. */
    private static final String STYLE = """
            html { font-family: -apple-system, BlinkMacSystemFont, "Roboto", "Segoe UI", Helvetica, Arial, sans-serif;
              color: hsla(214, 40%, 16%, 0.94); background: #fff; }
            body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; }
            .sb-login { display: flex; flex-direction: column; align-items: center; gap: 0.5rem; padding: 1.5rem;
              width: min(22rem, 92vw); box-sizing: border-box; }
            h1 { margin: 0; font-size: 2rem; font-weight: 600; }
            .sb-login-tagline { margin: 0 0 0.5rem; color: hsla(214, 42%, 18%, 0.69); text-align: center; }
            .sb-demo-marker { background: hsla(214, 45%, 20%, 0.52); color: #fff; border-radius: 0.5em;
              padding: 0.2em 0.6em; font-size: 0.85rem; }
            .sb-login-error, .sb-login-info { margin: 0; padding: 0.6rem 0.8rem; border-radius: 0.5rem; width: 100%;
              box-sizing: border-box; font-size: 0.9rem; }
            .sb-login-error { background: hsla(3, 85%, 49%, 0.1); color: hsl(3, 85%, 35%); }
            .sb-login-info { background: hsla(214, 90%, 52%, 0.1); color: hsl(214, 90%, 30%); }
            .sb-login-form { display: flex; flex-direction: column; gap: 0.3rem; width: 100%; }
            .sb-login-form label { font-size: 0.85rem; font-weight: 500; color: hsla(214, 42%, 18%, 0.69); margin-top: 0.4rem; }
            .sb-login-form input { font: inherit; padding: 0.5rem 0.6rem; border: none; border-radius: 0.25rem;
              background: hsla(214, 57%, 24%, 0.1); }
            .sb-login-form input:focus { outline: 2px solid hsla(214, 90%, 52%, 0.5); }
            .sb-login-form button { margin-top: 1rem; font: inherit; font-weight: 600; padding: 0.55rem; border: none;
              border-radius: 0.25rem; background: hsl(214, 90%, 52%); color: #fff; cursor: pointer; }
            .sb-sso-login { margin-top: 0.5rem; color: hsl(214, 90%, 45%); }
            .sb-demo-accounts { display: flex; flex-direction: column; align-items: center; margin-top: 1rem;
              font-size: 0.85rem; color: hsla(214, 42%, 18%, 0.69); }
            @media (prefers-color-scheme: dark) {
              html { background: hsl(214, 35%, 21%); color: hsla(214, 96%, 96%, 0.9); }
              .sb-login-form input { background: hsla(214, 65%, 85%, 0.12); color: inherit; }
              .sb-login-tagline, .sb-demo-accounts, .sb-login-form label { color: hsla(214, 87%, 92%, 0.69); }
            }
            """;
}
