package com.switchback.base.web;

import com.switchback.Application;
import org.springframework.web.util.HtmlUtils;

/**
 * A page of plain HTML with the console's look, for what is served without the console's scripts:
 * the login page and the error pages (of the application and of the servlet container). One
 * inline style sheet and the inline icon: such a page needs no other request.
 */
public final class PlainPage {

    private PlainPage() {
    }

    /** A whole document: {@code title} in the tab, {@code body} (already escaped HTML) in a centred column. */
    public static String document(java.util.Locale locale, String title, String body) {
        return "<!doctype html>\n<html lang=\"" + escape(locale.toLanguageTag()) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(com.switchback.base.i18n.Messages.get(locale, "title.page", title)) + "</title>\n"
                + "<link rel=\"icon\" href=\"" + escape(Application.FAVICON) + "\">\n"
                + "<style>" + STYLE + "</style>\n</head>\n<body>\n<main class=\"sb-plain\">\n"
                + body + "</main>\n</body>\n</html>\n";
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    /** Lumo's look in a few lines. */
    private static final String STYLE = """
            html { font-family: -apple-system, BlinkMacSystemFont, "Roboto", "Segoe UI", Helvetica, Arial, sans-serif;
              color: hsla(214, 40%, 16%, 0.94); background: #fff; }
            body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; }
            .sb-plain { display: flex; flex-direction: column; align-items: center; gap: 0.5rem; padding: 1.5rem;
              width: min(26rem, 92vw); box-sizing: border-box; }
            h1 { margin: 0; font-size: 2rem; font-weight: 600; }
            h2 { margin: 0; font-size: 1.4rem; font-weight: 600; }
            p { margin: 0; text-align: center; }
            a { color: hsl(214, 90%, 45%); }
            .sb-login-tagline, .sb-error-code { margin: 0 0 0.5rem; color: hsla(214, 42%, 18%, 0.69); text-align: center; }
            .sb-demo-marker { background: hsla(214, 45%, 20%, 0.52); color: #fff; border-radius: 0.5em;
              padding: 0.2em 0.6em; font-size: 0.85rem; }
            .sb-login-error, .sb-login-info { padding: 0.6rem 0.8rem; border-radius: 0.5rem; width: 100%;
              box-sizing: border-box; font-size: 0.9rem; text-align: left; }
            .sb-login-error { background: hsla(3, 85%, 49%, 0.1); color: hsl(3, 85%, 35%); }
            .sb-login-info { background: hsla(214, 90%, 52%, 0.1); color: hsl(214, 90%, 30%); }
            .sb-login-form { display: flex; flex-direction: column; gap: 0.3rem; width: 100%; max-width: 22rem; }
            .sb-login-form label { font-size: 0.85rem; font-weight: 500; color: hsla(214, 42%, 18%, 0.69); margin-top: 0.4rem; }
            .sb-login-form input { font: inherit; padding: 0.5rem 0.6rem; border: none; border-radius: 0.25rem;
              background: hsla(214, 57%, 24%, 0.1); }
            .sb-login-form input:focus { outline: 2px solid hsla(214, 90%, 52%, 0.5); }
            .sb-login-form button { margin-top: 1rem; font: inherit; font-weight: 600; padding: 0.55rem; border: none;
              border-radius: 0.25rem; background: hsl(214, 90%, 52%); color: #fff; cursor: pointer; }
            .sb-sso-login { margin-top: 0.5rem; }
            .sb-demo-accounts { display: flex; flex-direction: column; align-items: center; margin-top: 1rem;
              font-size: 0.85rem; color: hsla(214, 42%, 18%, 0.69); }
            @media (prefers-color-scheme: dark) {
              html { background: hsl(214, 35%, 21%); color: hsla(214, 96%, 96%, 0.9); }
              a { color: hsl(214, 90%, 77%); }
              .sb-login-form input { background: hsla(214, 65%, 85%, 0.12); color: inherit; }
              .sb-login-tagline, .sb-error-code, .sb-demo-accounts, .sb-login-form label { color: hsla(214, 87%, 92%, 0.69); }
            }
            """;
}
