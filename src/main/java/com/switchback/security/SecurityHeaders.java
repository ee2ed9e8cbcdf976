package com.switchback.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * The security headers of every response (docs/security.md). The Content-Security-Policy is as strict
 * as Vaadin Flow allows in production mode: inline scripts run only with the page's nonce (the
 * bootstrap's own); scripts load from this origin only; {@code 'unsafe-eval'} stays because the client
 * engine builds functions from the expressions the server sends, and {@code style-src 'unsafe-inline'}
 * because the web components set styles. The console's pages (Vaadin's bootstrap page, which the
 * security filter chain's header writer does not reach for every route) get all headers here; every
 * other response gets them from the security configuration, with {@link #FALLBACK} as its policy.
 */
@Component
class SecurityHeaders implements VaadinServiceInitListener {

    static final String CSP = "Content-Security-Policy";

    /** The console uses none of these browser features; nothing it embeds may either. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
            + "serial=(), bluetooth=(), magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=()";

    /** Links to other sites carry no path of the console (cluster ids, request ids). */
    static final String REFERRER_POLICY = "same-origin";

    /** A year, subdomains too; sent over HTTPS only (directly, or from a trusted proxy). */
    static final long HSTS_SECONDS = 31_536_000;

    /** For responses that are not a console page: nothing may run, nothing may frame it. */
    static final String FALLBACK = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private static final SecureRandom RANDOM = new SecureRandom();

    static String forPage(String nonce) {
        return "default-src 'self'; script-src 'self' 'nonce-" + nonce + "' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(page -> {
            byte[] bytes = new byte[18];
            RANDOM.nextBytes(bytes);
            String nonce = Base64.getEncoder().encodeToString(bytes);
            var response = page.getVaadinResponse();
            response.setHeader(CSP, forPage(nonce));
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", REFERRER_POLICY);
            response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
            if (page.getVaadinRequest().isSecure()) {
                response.setHeader("Strict-Transport-Security", "max-age=" + HSTS_SECONDS + "; includeSubDomains");
            }
            page.getDocument().getElementsByTag("script").attr("nonce", nonce);
        });
    }
}
