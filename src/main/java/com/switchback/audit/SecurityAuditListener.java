package com.switchback.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Records who logged in, who failed to, who logged out and who was refused access. */
@Component
class SecurityAuditListener {

    private final AuditLog audit;
    private final FailedLogins failedLogins;

    SecurityAuditListener(AuditLog audit, FailedLogins failedLogins) {
        this.audit = audit;
        this.failedLogins = failedLogins;
    }

    @EventListener
    void loggedIn(AuthenticationSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        audit.record(Actor.of(auth, address(auth)), "login.succeeded", null, null, Outcome.SUCCESS, false,
                "Logged in.");
    }

    @EventListener
    void loginFailed(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        // The name typed is recorded as given (cut to size); the password never is. Repeats within a minute fold.
        failedLogins.failed(new Actor(String.valueOf(attempt.getName()), "", address(attempt)),
                event.getException().getMessage());
    }

    @EventListener
    void loggedOut(LogoutSuccessEvent event) {
        Authentication auth = event.getAuthentication();
        audit.record(Actor.of(auth, address(auth)), "logout", null, null, Outcome.SUCCESS, false, "Logged out.");
    }

    @EventListener
    void denied(AuthorizationDeniedEvent<?> event) {
        Authentication auth = event.getAuthentication().get();
        if (auth == null || auth instanceof AnonymousAuthenticationToken) {
            return; // an anonymous visitor is sent to the login page; that is not a refusal
        }
        audit.record(Actor.of(auth, Actor.currentAddress()), "access.denied", null, null, Outcome.DENIED, false,
                "Refused: " + describe(event.getSource()));
    }

    private static String describe(Object source) {
        String s = String.valueOf(source);
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String address(Authentication auth) {
        if (auth != null && auth.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        return Actor.currentAddress();
    }
}
