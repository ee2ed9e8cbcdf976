package com.switchback.base.web;

/**
 * The one catalogue of error pages: what a person reads for each kind of failure, wherever it is
 * raised — by the console's router (not found, access denied), by the application (its error
 * controller) or by the servlet container before the application sees the request (a malformed
 * address). Never a stack trace, a server name or a version.
 */
public final class ErrorPages {

    /** One page: its heading and what to do. */
    public record Page(int status, String title, String message) {
    }

    private ErrorPages() {
    }

    public static Page of(int status, String path) {
        return switch (status) {
            case 400 -> new Page(400, "Bad request", "The address or the request could not be read. An address may "
                    + "not hold characters such as an encoded slash; check it, or start again from the clusters.");
            case 401, 403 -> new Page(403, "Access denied",
                    "You do not have access to this page. Ask an administrator if you need it.");
            case 404 -> new Page(404, "Page not found", "There is no page at " + (path == null || path.isEmpty()
                    ? "this address" : path) + ".");
            case 405 -> new Page(405, "Not allowed", "This address does not accept that kind of request.");
            case 413, 414, 431 -> new Page(status, "Request too large",
                    "The request or its address is longer than the console accepts.");
            default -> status >= 500
                    ? new Page(status, "Something went wrong",
                            "The console could not answer, and nothing was changed. The details are in the server log.")
                    : new Page(status, "Request refused", "The console could not accept this request.");
        };
    }

    /** The page as plain HTML, with a way back to the start page. */
    public static String html(Page page, String home) {
        return PlainPage.document(page.title(), "<h2>" + PlainPage.escape(page.title()) + "</h2>\n"
                + "<p class=\"sb-error-code\">HTTP " + page.status() + "</p>\n"
                + "<p>" + PlainPage.escape(page.message()) + "</p>\n"
                + "<p><a href=\"" + PlainPage.escape(home) + "\">Back to the clusters</a></p>\n");
    }
}
