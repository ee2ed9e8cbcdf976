package oidcprovider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * A real OpenID Connect provider for the single sign-on test: Spring Authorization Server, started in
 * the test's JVM on its own port, with a few users whose groups the test may change. Outside the
 * {@code com.switchback} package, so no Switchback test context ever scans it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "com.vaadin.flow.spring.SpringBootAutoConfiguration",
        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
        "com.vaadin.flow.spring.VaadinScopesConfig"})
public class TestOidcProvider {

    public static final String PASSWORD = "provider-password";

    /** User name → the groups its ID token names; a test may change them between logins. */
    public static final Map<String, List<String>> GROUPS = new ConcurrentHashMap<>(Map.of(
            "oidc-lead", List.of("sb-leads", "staff"),
            "oidc-nobody", List.of("marketing")));

    @Bean
    UserDetailsService users() {
        var users = new InMemoryUserDetailsManager();
        GROUPS.keySet().forEach(name -> users.createUser(User.withUsername(name).password("{noop}" + PASSWORD)
                .roles("USER").build()));
        return users;
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> groupsInTheIdToken() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                String name = context.getPrincipal().getName();
                context.getClaims().claim("preferred_username", name);
                context.getClaims().claim("groups", GROUPS.getOrDefault(name, List.of()));
            }
        };
    }

    /** Starts the provider on {@code port}, its one client redirecting to {@code redirectUri}. */
    public static ConfigurableApplicationContext start(int port, String redirectUri) {
        String client = "spring.security.oauth2.authorizationserver.client.switchback.";
        return new SpringApplicationBuilder(TestOidcProvider.class).properties(
                "spring.config.name=oidc-provider",
                "spring.main.banner-mode=off",
                "server.port=" + port,
                "management.endpoints.enabled-by-default=false",
                "spring.security.oauth2.authorizationserver.issuer=http://127.0.0.1:" + port,
                client + "registration.client-id=switchback",
                client + "registration.client-secret={noop}sso-test-secret",
                client + "registration.client-authentication-methods=client_secret_basic",
                client + "registration.authorization-grant-types=authorization_code",
                client + "registration.redirect-uris=" + redirectUri,
                client + "registration.scopes=openid,profile",
                client + "require-authorization-consent=false").run();
    }
}
