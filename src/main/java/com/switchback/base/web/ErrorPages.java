package com.switchback.base.web;

import com.switchback.base.i18n.Messages;
import java.util.Locale;

/**
 * The one catalogue of error pages: what a person reads for each kind of failure, wherever it is
 * raised — by the console's router (not found, access denied), by the application (its error
 * controller) or by the servlet container before the application sees the request (a malformed
 * address). Never a stack trace, a server name or a version. In the language the browser asks for.
 */
public final class ErrorPages {

    /** One page: its heading and what to do. */
    public record Page(int status, String title, String message) {
    }

    private ErrorPages() {
    }

    public static Page of(int status, String path, Locale locale) {
        String kind = switch (status) {
            case 400 -> "400";
            case 401, 403 -> "403";
            case 404 -> "404";
            case 405 -> "405";
            case 413, 414, 431 -> "413";
            default -> status >= 500 ? "500" : "other";
        };
        int shown = "403".equals(kind) ? 403 : status;
        String where = path == null || path.isEmpty() ? Messages.get(locale, "error.thisAddress") : path;
        return new Page(shown, Messages.get(locale, "error." + kind + ".title"),
                Messages.get(locale, "error." + kind + ".message", where));
    }

    /** The page as plain HTML, with a way back to the start page. */
    public static String html(Page page, String home, Locale locale) {
        return PlainPage.document(locale, page.title(), "<h2>" + PlainPage.escape(page.title()) + "</h2>\n"
                + "<p class=\"sb-error-code\">HTTP " + page.status() + "</p>\n"
                + "<p>" + PlainPage.escape(page.message()) + "</p>\n"
                + "<p><a href=\"" + PlainPage.escape(home) + "\">" + PlainPage.escape(Messages.get(locale, "error.back"))
                + "</a></p>\n");
    }
}
