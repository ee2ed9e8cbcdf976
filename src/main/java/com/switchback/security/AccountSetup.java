package com.switchback.security;

import com.switchback.base.AppRoles;
import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import com.switchback.base.DemoMode;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creates the accounts a new installation starts with: the demo accounts on the embedded demo
 * default only, otherwise the first administrator from configuration (environment), once.
 */
@Component
@Order(0)
class AccountSetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountSetup.class);

    private final UserAccountRepository accounts;
    private final PasswordEncoder encoder;
    private final DemoMode demo;
    private final AuditLog audit;
    private final String adminUsername;
    private final String adminPassword;

    AccountSetup(UserAccountRepository accounts, PasswordEncoder encoder, DemoMode demo, AuditLog audit,
                 @Value("${switchback.admin.username:admin}") String adminUsername,
                 @Value("${switchback.admin.password:}") String adminPassword) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.demo = demo;
        this.audit = audit;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (demo.enabled()) {
            String hash = encoder.encode(DemoAccounts.PASSWORD);
            DemoAccounts.ACCOUNTS.forEach((user, roles) -> {
                if (!accounts.exists(user)) {
                    accounts.insert(user, user, hash, roles);
                }
            });
            return;
        }
        disableLeftoverDemoAccounts();
        if (accounts.count() > 0) {
            return;
        }
        if (!StringUtils.hasText(adminPassword)) {
            log.warn("No users yet and no SWITCHBACK_ADMIN_PASSWORD set: nobody can log in until the first admin is configured.");
            return;
        }
        PasswordPolicy.problem(adminPassword, adminUsername).ifPresent(problem -> {
            throw new IllegalStateException("SWITCHBACK_ADMIN_PASSWORD is not accepted: " + problem.english()
                    + " Set another and start again; nothing was created.");
        });
        accounts.insert(adminUsername, adminUsername, encoder.encode(adminPassword), Set.of(AppRoles.ADMIN));
        audit.record(new Actor("system:setup", "SYSTEM", "-"), "user.created", null, null, Outcome.SUCCESS, false,
                "First administrator " + adminUsername + " created from configuration.");
        log.info("Created the first administrator '{}' from configuration.", adminUsername);
    }

    /**
     * A data folder that once ran the demo keeps its accounts. Outside the demo their published
     * password must not let anyone in: each that still has it is disabled (audited).
     */
    private void disableLeftoverDemoAccounts() {
        DemoAccounts.ACCOUNTS.keySet().forEach(user -> accounts.credentials(user)
                .filter(c -> c.enabled() && encoder.matches(DemoAccounts.PASSWORD, c.passwordHash()))
                .ifPresent(c -> {
                    accounts.setEnabled(user, false);
                    audit.record(new Actor("system:setup", "SYSTEM", "-"), "user.disabled", null, null, Outcome.SUCCESS,
                            false, "Demo account " + user + " disabled: this instance is not the demo.");
                    log.warn("Disabled the demo account '{}': this instance is not the demo.", user);
                }));
    }
}
