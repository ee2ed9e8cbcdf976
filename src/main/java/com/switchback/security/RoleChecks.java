package com.switchback.security;

import com.switchback.base.AppRoles;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodClassKey;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.SecurityAnnotationScanner;
import org.springframework.security.core.annotation.SecurityAnnotationScanners;

/**
 * Decides {@code @PreAuthorize} on the services. Its role expressions (the constants of
 * {@link AppRoles}) are checked as the sets of roles they name, without evaluating them: a secured
 * read runs several times per open page and live change, and evaluating an expression (an
 * evaluation context, a root object and a reflective call each time) took about a third of a page's
 * live update (DD020). Any other expression is evaluated as Spring Security always does.
 * {@code RoleChecksTest} holds each set to what its expression says.
 */
final class RoleChecks implements AuthorizationManager<MethodInvocation> {

    private final SecurityAnnotationScanner<PreAuthorize> annotations =
            SecurityAnnotationScanners.requireUnique(PreAuthorize.class);
    private final PreAuthorizeAuthorizationManager expressions = new PreAuthorizeAuthorizationManager();
    private final Map<MethodClassKey, AuthorizationManager<MethodInvocation>> byMethod = new ConcurrentHashMap<>();

    RoleChecks(ApplicationContext context) {
        expressions.setApplicationContext(context);
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, MethodInvocation call) {
        Class<?> target = call.getThis() == null ? null : AopUtils.getTargetClass(call.getThis());
        return byMethod.computeIfAbsent(new MethodClassKey(call.getMethod(), target), k -> checkFor(call, target))
                .authorize(authentication, call);
    }

    private AuthorizationManager<MethodInvocation> checkFor(MethodInvocation call, Class<?> target) {
        PreAuthorize annotation = annotations.scan(call.getMethod(), target);
        List<String> roles = annotation == null ? null : AppRoles.ROLES_OF.get(annotation.value());
        return roles == null ? expressions : AuthorityAuthorizationManager.hasAnyRole(roles.toArray(String[]::new));
    }
}
