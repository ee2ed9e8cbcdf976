package com.switchback.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.TestUsers;
import com.switchback.base.AppRoles;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.security.access.expression.ExpressionUtils;
import org.springframework.security.access.expression.method.DefaultMethodSecurityExpressionHandler;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.util.SimpleMethodInvocation;

/**
 * {@link RoleChecks} decides every {@code @PreAuthorize} of the services as evaluating its expression
 * would: for each role expression of {@link AppRoles} and for an expression it leaves to Spring
 * Security, with every combination of the four roles, an unknown role and no login at all.
 */
class RoleChecksTest {

    /** One method per expression the services use. */
    static class Secured {
        @PreAuthorize(AppRoles.CAN_VIEW) public void view() { }
        @PreAuthorize(AppRoles.CAN_OPERATE) public void operate() { }
        @PreAuthorize(AppRoles.CAN_APPROVE) public void approve() { }
        @PreAuthorize(AppRoles.CAN_AUDIT) public void audit() { }
        @PreAuthorize(AppRoles.CAN_SEE_ACCOUNT_CHANGES) public void seeAccountChanges() { }
        @PreAuthorize(AppRoles.CAN_ADMINISTER) public void administer() { }
        @PreAuthorize("isAuthenticated()") public void anyone() { }
    }

    private final RoleChecks checks = new RoleChecks(new StaticApplicationContext());
    private final DefaultMethodSecurityExpressionHandler spel = new DefaultMethodSecurityExpressionHandler();

    @Test
    void everyRoleExpressionHasItsSetAndEveryOneIsTried() {
        Set<String> tried = Arrays.stream(Secured.class.getDeclaredMethods())
                .map(m -> m.getAnnotation(PreAuthorize.class)).filter(a -> a != null).map(PreAuthorize::value)
                .collect(Collectors.toSet());
        assertThat(tried).containsAll(AppRoles.ROLES_OF.keySet());
        // Every role expression of AppRoles has its set: a new one is not left to the slower evaluation.
        List<String> expressions = new ArrayList<>();
        for (var field : AppRoles.class.getFields()) {
            if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                try {
                    String value = (String) field.get(null);
                    if (value.startsWith("has")) {
                        expressions.add(value);
                    }
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        assertThat(expressions).isNotEmpty();
        assertThat(AppRoles.ROLES_OF.keySet()).containsExactlyInAnyOrderElementsOf(expressions);
    }

    @Test
    void eachDecisionIsWhatTheExpressionSays() throws Exception {
        int granted = 0;
        int refused = 0;
        for (Method method : Secured.class.getDeclaredMethods()) {
            PreAuthorize annotation = method.getAnnotation(PreAuthorize.class);
            if (annotation == null) {
                continue;
            }
            for (Authentication who : everyone()) {
                var call = new SimpleMethodInvocation(new Secured(), method);
                boolean expected = ExpressionUtils.evaluateAsBoolean(
                        spel.getExpressionParser().parseExpression(annotation.value()),
                        spel.createEvaluationContext(() -> who, call));
                boolean decided = checks.authorize(() -> who, call).isGranted();
                assertThat(decided).as("%s for %s", annotation.value(), who.getAuthorities()).isEqualTo(expected);
                if (expected) {
                    granted++;
                } else {
                    refused++;
                }
            }
        }
        // Both outcomes were tried for the expressions: a check that always says yes (or no) fails above.
        assertThat(granted).isPositive();
        assertThat(refused).isPositive();
    }

    /** Every combination of the four roles, an unknown role alone, and someone not logged in. */
    private static List<Authentication> everyone() {
        List<Authentication> all = new ArrayList<>();
        List<String> roles = AppRoles.ALL;
        for (int mask = 0; mask < 1 << roles.size(); mask++) {
            List<String> some = new ArrayList<>();
            for (int i = 0; i < roles.size(); i++) {
                if ((mask & 1 << i) != 0) {
                    some.add(roles.get(i));
                }
            }
            all.add(TestUsers.authentication("someone", some.toArray(String[]::new)));
        }
        all.add(TestUsers.authentication("someone", "OTHER"));
        all.add(new AnonymousAuthenticationToken("key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        return all;
    }
}
