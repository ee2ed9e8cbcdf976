package com.switchback.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import oidcprovider.TestOidcProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Single sign-on against a real OpenID Connect provider (Spring Authorization Server) started by the
 * test, with the packaged jar configured as a user configures it: discovery from the issuer, groups
 * mapped to roles. The provider is reached at 127.0.0.1 and the console at localhost, so their
 * cookies never mix.
 */
class SingleSignOnIT {

    private static ConfigurableApplicationContext provider;
    private static RunningJar app;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        int providerPort = RunningJar.freePort();
        int appPort = RunningJar.freePort();
        provider = TestOidcProvider.start(providerPort, "http://localhost:" + appPort + "/login/oauth2/code/corp");
        String registration = "--spring.security.oauth2.client.registration.corp.";
        app = RunningJar.startOn(appPort, Files.createTempDirectory("switchback-sso"),
                registration + "client-id=switchback",
                registration + "client-secret=sso-test-secret",
                registration + "scope=openid,profile",
                "--spring.security.oauth2.client.provider.corp.issuer-uri=http://127.0.0.1:" + providerPort,
                "--switchback.sso.groups.sb-leads=TEAM_LEAD",
                "--switchback.sso.groups.sb-dbas=DBA",
                "--switchback.sso.label=Log in with Corp SSO");
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void theFirstLoginCreatesTheAccountWithMappedRolesWhichAreMappedAgainAtEveryLoginAndLogoutEndsTheSession()
            throws Exception {
        Page lead = loginThroughProvider("oidc-lead");
        lead.locator("vaadin-app-layout").waitFor();
        lead.navigate(app.url("/approvals"));
        assertThat(lead.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Approvals"))).isVisible();
        assertThat(rolesOf("oidc-lead")).containsExactly("TEAM_LEAD");
        assertThat(auditDetails("user.created", "oidc-lead")).anyMatch(d -> d.contains("first single sign-on login"));

        lead.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out").setExact(true)).click();
        assertThat(lead).hasURL(Pattern.compile(".*/login$"));
        lead.navigate(app.url("/approvals"));
        assertThat(lead).hasURL(Pattern.compile(".*/login$")); // the session is gone
        lead.context().close();

        // The provider moves the user to another group: the next login maps the roles again.
        TestOidcProvider.GROUPS.put("oidc-lead", List.of("sb-dbas"));
        Page again = loginThroughProvider("oidc-lead");
        again.locator("vaadin-app-layout").waitFor();
        assertThat(rolesOf("oidc-lead")).containsExactly("DBA");
        assertThat(auditDetails("user.roles-changed", "oidc-lead")).anyMatch(d -> d.contains("[TEAM_LEAD] → [DBA]"));
        again.context().close();
    }

    @Test
    void aUserWithNoMappedGroupIsRefusedWithAClearPage() throws Exception {
        Page nobody = loginThroughProvider("oidc-nobody");
        assertThat(nobody).hasURL(Pattern.compile(".*/login\\?sso-refused$"));
        assertThat(nobody.locator(".sb-sso-refused")).containsText("in no group that Switchback maps to a role");
        assertThat(rolesOf("oidc-nobody")).isEmpty();
        assertThat(auditDetails("login.refused", "oidc-nobody")).isNotEmpty();
        nobody.context().close();
    }

    /** The console's login page, its single sign-on button, the provider's own login form. */
    private static Page loginThroughProvider(String user) {
        Page page = browser.newContext().newPage();
        Browsers.watchCsp(page);
        page.navigate(app.url("/login"));
        page.getByText("Log in with Corp SSO").click();
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(TestOidcProvider.PASSWORD);
        page.locator("input[name=password]").press("Enter");
        page.waitForURL(Pattern.compile("http://localhost:" + app.port + "/.*"));
        return page;
    }

    private static List<String> rolesOf(String user) throws Exception {
        return query("select role from app_user_role where username = '" + user + "' order by role");
    }

    private static List<String> auditDetails(String action, String actor) throws Exception {
        return query("select details from audit_event where action = '" + action + "' and actor = '" + actor + "'");
    }

    private static List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = app.database(); var s = c.createStatement(); var rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
