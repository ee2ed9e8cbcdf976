package com.switchback.security;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import java.util.Map;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import com.switchback.security.session.UserSessions;
import com.switchback.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration
@EnableWebSecurity
// @PreAuthorize is decided by RoleChecks (preAuthorizeByRoles below); @PostAuthorize and the filters are not used.
@EnableMethodSecurity(prePostEnabled = false)
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    /**
     * No Micrometer observations of Spring Security: nothing here traces or exports them, and they wrap
     * every filter of every request and every secured call (a profile of 50 open pages found a fifth of
     * a page's live update in them; docs/benchmarks.md). Turning the observations off by name, as a
     * property, still leaves their wrappers in place; this removes the wrappers.
     */
    @Bean
    static org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserSessions sessions,
                                            ObjectProvider<ClientRegistrationRepository> sso, SsoProperties ssoProperties,
                                            UserAccountRepository accounts, AuditLog audit,
                                            TransactionTemplate transactions,
                                            com.vaadin.flow.spring.security.VaadinDefaultRequestCache requestCache)
            throws Exception {
        // After logging in, the page the person was on, at its own address: no "?continue" left in it.
        var savedRequests = new org.springframework.security.web.savedrequest.HttpSessionRequestCache();
        savedRequests.setMatchingRequestParameterName(null);
        requestCache.setDelegateRequestCache(savedRequests);
        // The health endpoint answers load balancers and the container's health check; the
        // stylesheets are needed by the login page too. The login page with any query (?ended=idle,
        // ?sso-refused): form login's own permission covers only its exact addresses.
        http.authorizeHttpRequests(a -> a
                .requestMatchers("/actuator/health", "/actuator/health/**", "/styles/**").permitAll()
                .requestMatchers(org.springframework.http.HttpMethod.GET, "/login").permitAll());
        http.headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.FALLBACK))
                .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(p -> p.policy(SecurityHeaders.PERMISSIONS_POLICY))
                .frameOptions(f -> f.deny())
                // Sent on HTTPS only (a proxy's X-Forwarded-Proto counts when the proxy is trusted).
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true)
                        .maxAgeInSeconds(SecurityHeaders.HSTS_SECONDS)));
        if (sso.getIfAvailable() != null) {
            // Single sign-on beside the form: refusals go back to the login page, which says why.
            SsoUsers users = new SsoUsers(ssoProperties, accounts, audit, transactions);
            http.oauth2Login(o -> o.loginPage("/login")
                    .userInfoEndpoint(u -> u.oidcUserService(users))
                    .failureUrl("/login?sso-refused"));
        }
        http.addFilterBefore(sessions.registrationFilter(), AuthorizationFilter.class);
        http.addFilterBefore(new OneTimePasswordFilter(), AuthorizationFilter.class);
        http.addFilterBefore(new LastUsername(),
                org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class);
        // The login page is plain server-rendered HTML (ui.LoginPage): the form shows before any script loads.
        return http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView("/login")
                // A path that is no route reaches the router (its not-found page, HTTP 404) once logged in;
                // by default Vaadin's configurer denies it with a bare 403 before the router sees it.
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated)).build();
    }

    /**
     * {@code @PreAuthorize} on the services, decided by {@link RoleChecks}; refusals are published as
     * with Spring Security's own interceptor (the audit trail records them).
     */
    @Bean
    @org.springframework.context.annotation.Role(org.springframework.beans.factory.config.BeanDefinition.ROLE_INFRASTRUCTURE)
    static org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor preAuthorizeByRoles(
            org.springframework.context.ApplicationContext context, ObjectProvider<AuthorizationEventPublisher> events,
            ObjectProvider<org.springframework.security.core.context.SecurityContextHolderStrategy> strategy) {
        var interceptor = org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor
                .preAuthorize(new RoleChecks(context));
        // Looked up at the first refusal: an infrastructure bean must not create the application's beans early.
        interceptor.setAuthorizationEventPublisher(new AuthorizationEventPublisher() {
            @Override
            public <T> void publishAuthorizationEvent(java.util.function.Supplier<org.springframework.security.core.Authentication> auth,
                                                      T object, org.springframework.security.authorization.AuthorizationResult result) {
                events.getObject().publishAuthorizationEvent(auth, object, result);
            }
        });
        strategy.ifAvailable(interceptor::setSecurityContextHolderStrategy);
        return interceptor;
    }

    /** Refusals by method security become events, which the audit trail records. */
    @Bean
    AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher publisher) {
        return new SpringAuthorizationEventPublisher(publisher);
    }

    /** Every refused login becomes an event the audit trail records, a throttled one included. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        var events = new DefaultAuthenticationEventPublisher(publisher);
        events.setAdditionalExceptionMappings(Map.of(LoginThrottledException.class, AuthenticationFailureLockedEvent.class));
        return events;
    }

    /** The one way to log in with a password: throttled, then checked against the stored hash. */
    @Bean
    AuthenticationProvider authenticationProvider(AccountUserDetailsService users, PasswordEncoder encoder,
                                                  LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
