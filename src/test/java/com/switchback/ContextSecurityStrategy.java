package com.switchback;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Each Spring context installs its own security-context strategy in a static holder, so when a
 * test run has two contexts the last one started wins. Before each test this puts back the one
 * of the context the test runs in, so its logins reach that context's method security.
 */
public class ContextSecurityStrategy implements BeforeEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        var app = SpringExtension.getApplicationContext(context);
        app.getBeanProvider(SecurityContextHolderStrategy.class)
                .ifAvailable(SecurityContextHolder::setContextHolderStrategy);
    }
}
