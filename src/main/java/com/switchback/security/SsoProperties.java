package com.switchback.security;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with OpenID Connect (README, "Single sign-on"). The provider is a Spring Security
 * client registration ({@code spring.security.oauth2.client.registration.<id>}); this maps its
 * users onto Switchback's accounts and roles.
 *
 * @param usernameClaim the ID-token claim that names the account (lower-cased)
 * @param groupsClaim   the ID-token claim that lists the user's groups
 * @param groups        group → Switchback roles; mapped again at every login
 * @param label         what the login page's button says
 */
@ConfigurationProperties("switchback.sso")
public record SsoProperties(
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("groups") String groupsClaim,
        Map<String, Set<String>> groups,
        @DefaultValue("Log in with single sign-on") String label) {

    public SsoProperties {
        groups = groups == null ? Map.of() : Map.copyOf(groups);
    }
}
