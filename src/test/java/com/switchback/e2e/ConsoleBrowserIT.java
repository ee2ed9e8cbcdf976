package com.switchback.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What people see, in a real browser against the production jar: a DBA and a team lead, each in
 * their own browser context, take a rollback and a cancel through approval to the end; a team
 * lead cannot approve their own request; a DBA cannot reach the audit trail; an auditor filters
 * it, verifies it and downloads it. Screenshots of each key screen go to target/screenshots.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final Path SHOTS = Path.of("target", "screenshots");
    private static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions().setTimeout(60_000);

    private static RunningJar app;
    private static Playwright playwright;
    private static Browser browser;
    private static String rolledBack;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(SHOTS);
        // What other browser tests in this JVM saw (a stopped server, on purpose) is theirs, not this console's.
        Browsers.CSP_VIOLATIONS.clear();
        Browsers.CONSOLE_ERRORS.clear();
        // Complete needs two team leads here (the approval rules), so one test can show it.
        app = RunningJar.start("--switchback.simulated.step-duration=PT1S", "--switchback.approval.approvals.COMPLETE=2");
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void aRollbackWithoutEndpointsGoesFromRequestThroughApprovalToTheEndLive() throws Exception {
        String cluster = clusterIn("POLARDB2RDS_SYNCING", 0);
        rolledBack = cluster;
        Page lead = login("lead");
        lead.navigate(app.url("/approvals"));
        assertThat(lead.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Approvals"))).isVisible();
        screenshot(lead, "01-approvals-empty");

        Page dba = login("dba");
        assertThat(dba.getByText("Demo — simulated clusters")).isVisible();
        screenshot(dba, "02-clusters");
        dba.navigate(app.url("/clusters/" + cluster));
        assertThat(dba.getByText("RDS Migration")).isVisible();
        screenshot(dba, "03-cluster");
        button(dba, "Roll Back Migration").click();
        assertThat(dba.getByText("Switches the business back to the original database")).isVisible();
        assertThat(dba.getByText("Switch Back with Endpoints (Connection Changes Not Required)")).isVisible();
        assertThat(dba.getByText("Switch Back without Endpoints (Connection Changes Required)")).isVisible();
        dba.locator("vaadin-radio-button", new Page.LocatorOptions().setHasText("Switch Back without Endpoints")).click();
        // The endpoint picture follows the choice: without endpoints, writes fail until the application moves.
        assertThat(dba.getByText("Change the application's connection string to", new Page.GetByTextOptions()
                .setExact(false))).isVisible();
        dba.locator("vaadin-text-area textarea").fill("Checkout errors since the switch over");
        screenshot(dba, "04-rollback-dialog");
        button(dba, "Request rollback").click();
        assertThat(dba.getByText("Waiting for a team lead's approval", new Page.GetByTextOptions().setExact(false)))
                .isVisible();

        // The team lead's open inbox shows the request without reloading.
        Locator request = lead.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Checkout errors"));
        assertThat(request).isVisible();
        // The team lead is also told, on whatever page they are, and puts the notice away.
        Locator made = lead.locator("vaadin-notification-card", new Page.LocatorOptions()
                .setHasText("dba asks for Roll Back Migration on " + cluster));
        assertThat(made).isVisible();
        made.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();
        assertThat(made).isHidden();
        request.click();
        assertThat(lead.getByText("Pre-checks (run now)")).isVisible();
        assertThat(lead.getByText("✓ Allowed in the current status", new Page.GetByTextOptions().setExact(false))).isVisible();
        screenshot(lead, "05-approval-plan");
        button(lead, "Approve").click();
        lead.navigate(app.url("/clusters/" + cluster));

        // The DBA follows the run: which step of how many, and for how long.
        assertThat(dba.locator(".sb-progress")).containsText(" of 7: ",
                new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
        screenshot(dba, "05a-rollback-progress");

        // Both watch the steps to the end; the DBA is told to change the connection string.
        assertThat(dba.getByText("Source RDS is Read/Write again", new Page.GetByTextOptions().setExact(false)).first())
                .isVisible(LONG);
        assertThat(dba.getByText("SUCCEEDED", new Page.GetByTextOptions().setExact(false)).first()).isVisible(LONG);
        assertThat(lead.getByText("SUCCEEDED", new Page.GetByTextOptions().setExact(false)).first()).isVisible(LONG);
        assertThat(fact(dba, "Status")).containsText("RDS2POLARDB_SYNCING");
        assertThat(fact(dba, "Source RDS Read/Write Status")).hasText("Read/Write");
        assertThat(fact(lead, "PolarDB Read/Write Status")).hasText("Read Only");
        screenshot(dba, "06-rollback-done");
        assertThat(requestState(cluster)).isEqualTo("SUCCEEDED");
    }

    @Test
    @Order(2)
    void aCancelGoesThroughApprovalToTheEnd() throws Exception {
        String cluster = clusterIn("RDS2POLARDB_SYNCING", 0);
        Page dba = login("dba");
        dba.navigate(app.url("/clusters/" + cluster));
        button(dba, "Cancel Migration").click();
        assertThat(dba.getByText("Are you sure you want to cancel the migration?", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        dba.locator("vaadin-text-area textarea").fill("Wrong target cluster");
        screenshot(dba, "07-cancel-dialog");
        button(dba, "Request cancellation").click();
        assertThat(dba.getByText("Waiting for a team lead's approval", new Page.GetByTextOptions().setExact(false)))
                .isVisible();

        Page lead = login("lead2");
        lead.navigate(app.url("/approvals"));
        lead.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Wrong target cluster")).click();
        button(lead, "Approve").click();

        assertThat(dba.getByText("SUCCEEDED", new Page.GetByTextOptions().setExact(false)).first()).isVisible(LONG);
        assertThat(fact(dba, "Status")).containsText("NO_MIGRATION");
        assertThat(fact(dba, "PolarDB Read/Write Status")).hasText("Read/Write");
        screenshot(dba, "08-cancel-done");
    }

    @Test
    @Order(3)
    void aTeamLeadCannotApproveTheirOwnRequest() throws Exception {
        String cluster = clusterIn("RDS2POLARDB_SYNCING", 1);
        Page lead = login("lead");
        requestCancel(lead, cluster, "Own request, for the record");
        lead.navigate(app.url("/approvals"));
        lead.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Own request, for the record")).click();
        assertThat(lead.getByText("You made this request: another team lead must decide on it.")).isVisible();
        assertThat(button(lead, "Approve")).isDisabled();
        screenshot(lead, "09-own-request");
    }

    @Test
    @Order(4)
    void aDbaCannotReachTheAuditTrail() {
        Page dba = login("dba");
        dba.navigate(app.url("/audit"));
        assertThat(dba.getByText("You do not have access to this page.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
        assertThat(dba.getByText("Audit trail")).hasCount(0);
        screenshot(dba, "10-dba-audit-denied");
    }

    @Test
    @Order(5)
    void anAuditorFiltersVerifiesAndDownloadsTheTrail() throws Exception {
        Page auditor = login("auditor");
        auditor.navigate(app.url("/audit"));
        auditor.getByLabel("Cluster").fill(rolledBack);
        auditor.getByLabel("Cluster").press("Enter");
        try {
            // The newest event first: the end of the run (the grid draws only the rows in view).
            assertThat(auditor.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("execution.succeeded"))
                    .first()).isVisible();
        } finally {
            screenshot(auditor, "11-audit-filtered");
        }
        button(auditor, "Verify integrity").click();
        assertThat(auditor.getByText("Intact, ", new Page.GetByTextOptions().setExact(false))).isVisible();
        screenshot(auditor, "11-audit-trail");
        Download download = auditor.waitForDownload(() -> auditor.getByText("Export CSV").click());
        String csv = Files.readString(download.path());
        assertThat(csv.lines().findFirst().orElse("")).startsWith("seq,occurred_at,actor");
        assertThat(csv.lines().skip(1).toList()).isNotEmpty().allMatch(l -> l.contains(rolledBack));
        assertThat(csv).contains("request.created").contains("execution.succeeded");
    }

    @Test
    @Order(6)
    void aDisabledTeamLeadsOpenTabLosesItsSessionAtOnceAndAResetMustBeReplacedAtTheNextLogin() throws Exception {
        app.withAccount("oncall", "TEAM_LEAD");
        Page oncall = login("oncall");
        oncall.navigate(app.url("/approvals"));
        Page admin = login("admin");
        admin.navigate(app.url("/users"));
        // Separation of duties: an administrator may not make themselves a team lead.
        admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("admin")).first().click();
        // The editor shows the selected account before anything in it is touched.
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("User admin"))).isVisible();
        Locator teamLead = admin.locator("vaadin-checkbox-group").first()
                .locator("vaadin-checkbox", new Locator.LocatorOptions().setHasText("TEAM_LEAD"));
        teamLead.click();
        assertThat(teamLead).hasAttribute("checked", "");
        button(admin, "Save").click();
        button(admin, "Save my account").click();
        assertThat(button(admin, "Save my account")).isHidden();
        // Said in the editor, beside the roles.
        assertThat(admin.locator(".sb-form-error")).containsText("An administrator holds no DBA or TEAM_LEAD role");
        admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("oncall")).click();
        admin.getByLabel("Can log in").click();
        button(admin, "Save").click();
        // Pushed to the open tab: no click of its own needed.
        assertThat(oncall).hasURL(java.util.regex.Pattern.compile(".*/login\\?ended=revoked$"));
        assertThat(oncall.locator(".sb-session-ended")).containsText("Your session was ended");
        screenshot(oncall, "12-session-ended");

        // Saving reloads the list, which clears the selection: select the user again.
        admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("oncall")).click();
        admin.getByLabel("Can log in").click();
        button(admin, "Save").click();
        // Saved: the list reloads and the editor closes; only then is the row clicked again.
        assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("User oncall"))).isHidden();
        admin.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("oncall")).click();
        try {
            button(admin, "Reset password").click();
        } finally {
            screenshot(admin, "12a-users-reset");
        }
        button(admin, "Reset password of oncall").click();
        String oneTime = admin.locator(".sb-one-time-password").textContent().strip();
        assertThat(oneTime).hasSize(20);

        Page first = Browsers.login(browser, app, "oncall", oneTime);
        assertThat(first).hasURL(java.util.regex.Pattern.compile(".*/password$"));
        assertThat(first.getByText("Choose your own password")).isVisible();
        first.navigate(app.url("/approvals"));
        // Every page is the password page until it is changed.
        assertThat(first).hasURL(java.util.regex.Pattern.compile(".*/password$"));
        first.getByLabel("One-time password").fill(oneTime);
        first.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("oncall-own-password-1");
        first.getByLabel("New password again").fill("oncall-own-password-1");
        button(first, "Change password").click();
        assertThat(first).hasURL(java.util.regex.Pattern.compile(".*/login\\?ended=password_set$"));
        Page again = Browsers.login(browser, app, "oncall", "oncall-own-password-1");
        again.navigate(app.url("/approvals"));
        assertThat(again.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Approvals"))).isVisible();
    }

    @Test
    @Order(7)
    void everyViewRunsUnderTheContentSecurityPolicyWithNoViolation() throws Exception {
        // The login page is plain HTML without a script: the strict policy with no script at all but our own.
        var page = app.get("/login");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("script-src 'self';").doesNotContain("script-src 'self' 'unsafe").contains("frame-ancestors 'none'");
        // The console's pages: inline scripts only with the page's nonce.
        Page probe = login("auditor");
        String csp = probe.navigate(app.url("/clusters")).headers().get("content-security-policy");
        assertThat(csp).contains("script-src 'self' 'nonce-").contains("frame-ancestors 'none'")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(page.headers().firstValue("Permissions-Policy").orElse("")).contains("camera=()");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Strict-Transport-Security")).as("plain HTTP: no HSTS").isEmpty();
        // No proxy is trusted by default: a client claiming HTTPS changes nothing.
        var claimed = app.get("/login", "X-Forwarded-Proto", "https");
        assertThat(claimed.headers().firstValue("Strict-Transport-Security")).isEmpty();

        // Not cleared: the pages of the earlier tests count too.
        String cluster = clusterIn("RDS2POLARDB_SYNCING", 2);
        Page dba = login("dba");
        for (String view : new String[] {"/clusters", "/clusters/" + cluster, "/requests", "/password",
                "/sessions", "/freezes"}) {
            visit(dba, view);
        }
        // An unknown address while logged in: the console's own page, answered 404, not a bare 403.
        for (String unknown : new String[] {"/no-such-page", "/requests/not-a-number"}) {
            var notFound = dba.navigate(app.url(unknown));
            assertThat(notFound.status()).as(unknown).isEqualTo(404);
            assertThat(dba.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Page not found"))).isVisible();
        }
        assertThat(dba.locator("link[rel=icon]")).hasCount(1);
        // The bar and the navigation are markup (Navbar, Navigation): on a page loaded afresh their web
        // components are defined, the icons drawn, the current entry marked, and an entry navigates.
        dba.navigate(app.url("/clusters"));
        dba.waitForFunction("['vaadin-button', 'vaadin-icon', 'vaadin-side-nav-item', 'vaadin-drawer-toggle']"
                + ".every(t => customElements.get(t))");
        assertThat(dba.locator("vaadin-side-nav-item[path=clusters][current]")).hasCount(1);
        assertThat(((Number) dba.locator("vaadin-side-nav-item[path=clusters] > vaadin-icon").evaluate(
                "i => i.getBoundingClientRect().width")).doubleValue()).as("the icon is drawn").isGreaterThan(0);
        dba.locator("vaadin-side-nav-item[path=requests]").click();
        assertThat(dba).hasURL(java.util.regex.Pattern.compile(".*/requests$"));
        assertThat(dba.locator("vaadin-side-nav-item[path=requests][current]")).hasCount(1);
        // The bar's links are markup too: a click still opens the view.
        visit(dba, "/clusters");
        dba.locator(".sb-sessions-link").click();
        assertThat(dba.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Your sessions"))).isVisible();
        assertThat(dba).hasURL(java.util.regex.Pattern.compile(".*/sessions$"));
        Page lead = login("lead2");
        visit(lead, "/approvals");
        Page auditor = login("auditor");
        visit(auditor, "/audit");
        Page admin = login("admin");
        visit(admin, "/users");
        visit(admin, "/channels");
        visit(admin, "/freezes");
        button(admin, "Log out").click();
        assertThat(admin).hasURL(java.util.regex.Pattern.compile(".*/login$"));
        assertThat(Browsers.CSP_VIOLATIONS).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    @Order(8)
    void aRequesterIsToldOnAnotherPageAndItemsAndFiltersHaveAddressesThatSurviveBack() throws Exception {
        String cluster = clusterIn("RDS2POLARDB_SYNCING", 3);
        Page dba = login("dba");
        requestCancel(dba, cluster, "Told on another page");

        // The DBA moves on to the list: a search, and a status picked by typing part of it and Enter.
        dba.navigate(app.url("/clusters"));
        dba.getByLabel("Search", new Page.GetByLabelOptions().setExact(true)).fill(cluster);
        assertThat(dba).hasURL(java.util.regex.Pattern.compile(".*/clusters\\?q=" + cluster + "$"));
        Locator status = dba.getByLabel("Migration status", new Page.GetByLabelOptions().setExact(true));
        status.fill("syncing to pol");
        status.press("Enter");
        assertThat(dba).hasURL(java.util.regex.Pattern.compile(".*status=RDS2POLARDB_SYNCING.*"));
        assertThat(dba.locator(".sb-result-count")).hasText(java.util.regex.Pattern.compile("1 of \\d+ clusters"));

        // A team lead rejects it elsewhere; the notice finds the DBA on the list, with a link to the request.
        Page lead = login("lead2");
        lead.navigate(app.url("/approvals"));
        lead.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Told on another page")).click();
        lead.getByLabel("Comment").fill("Not during the sale");
        button(lead, "Reject").click();
        Locator notice = dba.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText("was rejected by lead2"));
        assertThat(notice).isVisible();
        screenshot(dba, "13-notice-on-another-page");
        notice.getByText("Open").click();
        assertThat(dba).hasURL(java.util.regex.Pattern.compile(".*/requests/\\d+$"));
        assertThat(dba.locator(".sb-request-panel .sb-request-state")).hasText("REJECTED");
        screenshot(dba, "14-request-page");
        dba.reload();
        assertThat(dba.locator(".sb-request-panel .sb-request-state")).hasText("REJECTED");
        assertThat(dba.locator("vaadin-grid.sb-list [part~=selected-row]").first()).isVisible();

        // Back (one step: opening the request added one entry, the reload none): the list as it was left, and
        // its rows lead to the clusters and back again.
        dba.goBack();
        assertThat(dba).hasURL(java.util.regex.Pattern.compile(".*/clusters\\?.*status=RDS2POLARDB_SYNCING.*"));
        assertThat(dba.getByLabel("Search", new Page.GetByLabelOptions().setExact(true))).hasValue(cluster);
        // The list is drawn from the address after the fields: wait until it shows the one match.
        assertThat(dba.locator(".sb-result-count")).hasText(java.util.regex.Pattern.compile("1 of \\d+ clusters"));
        // A click anywhere on the row opens it (here on its status, not on the id's link).
        dba.locator("vaadin-grid-cell-content .sb-raw", new Page.LocatorOptions().setHasText("RDS2POLARDB_SYNCING"))
                .first().click();
        assertThat(dba).hasURL(java.util.regex.Pattern.compile(".*/clusters/" + cluster + "$"));
        // The address changes before the server has drawn the cluster; a Back in between is lost to that
        // drawing, as for a person who presses Back while a page is still loading.
        assertThat(dba.getByText("← All clusters")).isVisible();
        dba.goBack();
        assertThat(dba.getByLabel("Search", new Page.GetByLabelOptions().setExact(true))).hasValue(cluster);
        assertThat(dba.locator(".sb-result-count")).hasText(java.util.regex.Pattern.compile("1 of \\d+ clusters"));
    }

    @Test
    @Order(9)
    void theColumnsPeopleDecideOnFitA1366PixelScreen() {
        Page auditor = login("auditor");
        auditor.setViewportSize(1366, 768);
        String[][] decisive = {{"/clusters", "Cluster status"}, {"/clusters", "Migration status"},
                {"/requests", "Requested by"}, {"/requests", "Request · State"}, {"/audit", "Outcome"}, {"/audit", "Details"}};
        for (String[] d : decisive) {
            auditor.navigate(app.url(d[0]));
            Locator header = auditor.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                    .setHasText(java.util.regex.Pattern.compile("^\\s*" + d[1] + "\\s*$"))).first(); // no \\Q: the pattern runs in the browser
            header.waitFor();
            var box = header.boundingBox();
            assertThat(box.x + box.width).as(d[0] + ": " + d[1]).isLessThanOrEqualTo(1366);
            if (d[1].equals("Cluster status")) {
                screenshot(auditor, "15-clusters-1366");
            }
        }
    }

    /** Opens a view and waits until its content is drawn (the engine ran under the policy). */
    private static void visit(Page page, String path) {
        page.navigate(app.url(path));
        page.locator("vaadin-app-layout h2, vaadin-app-layout vaadin-grid").first().waitFor();
    }

    @Test
    @Order(10)
    void aDbaVerifiesTheDataOfAClusterAndWatchesItLive() throws Exception {
        String cluster = clusterIn("RDS2POLARDB_SYNCING", 4);
        Page dba = login("dba");
        dba.navigate(app.url("/clusters/" + cluster));
        assertThat(dba.locator(".sb-verification-freshness")).hasText("Not verified yet.");
        button(dba, "Verify Data").click();
        // Run by the background service on a node of its own, and pushed to the page as it goes.
        assertThat(dba.locator(".sb-verification-freshness")).containsText("Verified clean",
                new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(dba.locator(".sb-verification-progress")).containsText("found no difference: 102,000 rows");
        assertThat(dba.locator(".sb-verification vaadin-grid-cell-content", new Page.LocatorOptions()
                .setHasText("shop.order_items"))).isVisible();
        dba.locator(".sb-verification").scrollIntoViewIfNeeded();
        screenshot(dba, "16-verified-clean");
    }

    @Test
    @Order(11)
    void theClustersListAndAClusterAreUsableOnAPhoneAndInDarkMode() throws Exception {
        String cluster = clusterIn("RDS2POLARDB_SYNCING", 5);
        Page phone = login("lead2");
        phone.setViewportSize(390, 844);
        phone.navigate(app.url("/clusters"));
        phone.locator("vaadin-grid-cell-content a", new Page.LocatorOptions().setHasText("pc-")).first().waitFor();
        // What people decide on stays; nothing runs off the side of the page.
        assertThat(phone.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("^\\s*Migration status\\s*$")))).isVisible();
        assertThat(phone.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("^\\s*Region\\s*$")))).isHidden();
        assertThat(((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        screenshot(phone, "17-phone-clusters");
        phone.navigate(app.url("/clusters/" + cluster));
        assertThat(button(phone, "Switch Over")).isVisible();
        assertThat(((Number) phone.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        screenshot(phone, "18-phone-cluster");

        // Dark mode, chosen once, is there on the next page load too.
        phone.setViewportSize(1400, 1000);
        button(phone, "Dark mode").click();
        assertThat(phone.locator("html[theme~=dark]")).hasCount(1);
        phone.reload();
        assertThat(phone.locator("html[theme~=dark]")).hasCount(1);
        assertThat(button(phone, "Light mode")).isVisible();
        screenshot(phone, "19-dark-cluster");
        button(phone, "Light mode").click();
        assertThat(phone.locator("html[theme~=dark]")).hasCount(0);
    }

    @Test
    @Order(12)
    void aCompleteWaitsForTwoTeamLeads() throws Exception {
        String cluster = clusterIn("POLARDB2RDS_SYNCING", 1);
        Page dba = login("dba");
        dba.navigate(app.url("/clusters/" + cluster));
        button(dba, "Complete Migration").click();
        dba.locator("vaadin-text-area textarea").fill("Cutover verified for a week");
        button(dba, "Request completion").click();
        assertThat(dba.getByText("Waiting for a team lead's approval", new Page.GetByTextOptions().setExact(false)))
                .isVisible();

        Page lead = login("lead");
        lead.navigate(app.url("/approvals"));
        lead.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Cutover verified")).click();
        assertThat(lead.locator(".sb-approvals")).containsText("Approvals: 0 of 2");
        button(lead, "Approve").click();
        assertThat(lead.locator(".sb-approvals")).containsText("Approvals: 1 of 2 — lead at ");
        assertThat(button(lead, "Approve")).isDisabled();
        screenshot(lead, "20-two-lead-approval");

        Page lead2 = login("lead2");
        lead2.navigate(app.url("/approvals"));
        lead2.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Cutover verified")).click();
        button(lead2, "Approve").click();
        assertThat(dba.getByText("SUCCEEDED", new Page.GetByTextOptions().setExact(false)).first()).isVisible(LONG);
        assertThat(fact(dba, "Status")).containsText("NO_MIGRATION");
    }

    @Test
    @Order(13)
    void aChineseBrowserGetsTheConsoleInChineseAndTheUserMenuSwitchesIt() throws Exception {
        String cluster = clusterIn("RDS2POLARDB_SYNCING", 6);
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000)
                .setLocale("zh-CN"));
        Page page = context.newPage();
        Browsers.watchCsp(page);
        page.navigate(app.url("/login"));
        assertThat(page.locator("html[lang=zh-CN]")).hasCount(1);
        assertThat(page.locator("label[for=username]")).hasText("用户名");
        page.locator("input[name=username]").fill("auditor");
        page.locator("input[name=password]").fill(app.passwordOf("auditor"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        page.locator("vaadin-app-layout").waitFor();
        assertThat(page.locator("h2")).hasText("集群列表");
        page.navigate(app.url("/clusters/" + cluster));
        assertThat(button(page, "切换")).isVisible();
        assertThat(fact(page, "同步方向")).containsText("RDS → PolarDB");
        assertThat(page.locator("html[lang=zh-CN]")).hasCount(1);
        screenshot(page, "20-zh-cluster");

        // Switched in the user menu: the page reloads in English, and the choice outlives the browser's.
        page.locator(".sb-language-toggle").click();
        assertThat(button(page, "Switch Over")).isVisible();
        page.reload();
        assertThat(button(page, "Switch Over")).isVisible();
        assertThat(page.locator(".sb-language-toggle")).hasText("中文");
        // This browser's login page follows the choice too.
        org.assertj.core.api.Assertions.assertThat(context.cookies()).anyMatch(c -> "sb-lang".equals(c.name)
                && "en".equals(c.value));
        context.close();
    }

    /** The page's push WebSocket carries no per-message compression (DD019), and its requests go as plain requests. */
    @Test
    void pushComesOverAnUncompressedWebSocketAndThePageSendsOverPlainRequests() {
        Page page = login("dba");
        com.microsoft.playwright.CDPSession devtools = page.context().newCDPSession(page);
        java.util.List<com.google.gson.JsonObject> handshakes = new java.util.concurrent.CopyOnWriteArrayList<>();
        devtools.on("Network.webSocketWillSendHandshakeRequest", handshakes::add);
        devtools.on("Network.webSocketHandshakeResponseReceived", handshakes::add);
        devtools.send("Network.enable");
        java.util.List<String> pagePosts = new java.util.concurrent.CopyOnWriteArrayList<>();
        page.onRequest(r -> {
            if ("POST".equals(r.method()) && r.url().contains("v-r=uidl")) {
                pagePosts.add(r.url());
            }
        });
        page.navigate(app.url("/clusters"));
        page.locator("vaadin-grid-cell-content:has-text('pc-')").first().waitFor();
        org.awaitility.Awaitility.await().until(() -> handshakes.size() >= 2);
        com.google.gson.JsonObject offered = handshakes.get(0).getAsJsonObject("request").getAsJsonObject("headers");
        com.google.gson.JsonObject answered = handshakes.get(1).getAsJsonObject("response").getAsJsonObject("headers");
        assertThat(offered.keySet()).as("Chromium offers compression").anyMatch(k -> k.equalsIgnoreCase("Sec-WebSocket-Extensions"));
        assertThat(answered.keySet()).as("the console declines it").noneMatch(k -> k.equalsIgnoreCase("Sec-WebSocket-Extensions"));
        assertThat(pagePosts).as("the grid asked for its rows over a plain request").isNotEmpty();
        page.context().close();
    }

    @Test
    @Order(99)
    void noPageOfTheseTestsWroteAnErrorToTheBrowserConsole() {
        // The addresses answered 404 on purpose are the only resources allowed to fail.
        assertThat(Browsers.CONSOLE_ERRORS.stream()
                .filter(e -> !(e.contains("status of 404") && (e.contains("/no-such-page") || e.contains("/not-a-number")))))
                .as("errors in the browser console, on any page of these tests").isEmpty();
        assertThat(Browsers.CSP_VIOLATIONS).as("Content-Security-Policy violations").isEmpty();
    }

    // --- helpers ---

    private static Page login(String user) {
        return Browsers.login(browser, app, user);
    }

    /** Asks for Cancel Migration on the cluster's page; returns once the request is recorded (its checks read first). */
    private static void requestCancel(Page page, String cluster, String reason) {
        page.navigate(app.url("/clusters/" + cluster));
        button(page, "Cancel Migration").click();
        page.locator("vaadin-text-area textarea").fill(reason);
        button(page, "Request cancellation").click();
        assertThat(page.getByText("Waiting for a team lead's approval", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator fact(Page page, String label) {
        return page.locator("[data-fact=\"" + label + "\"]");
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** A healthy simulated cluster in the given status (the n-th, so tests do not share one). */
    private static String clusterIn(String status, int n) throws Exception {
        try (Connection c = app.database(); PreparedStatement s = c.prepareStatement("""
                select cluster_id from migration where status = ? and comment = '' and delayed_seconds between 0 and 30
                  and cluster_id not in (select cluster_id from migration_request)
                order by cluster_id offset ? limit 1""")) {
            s.setString(1, status);
            s.setInt(2, n);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("a cluster in " + status).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static String requestState(String cluster) throws Exception {
        try (Connection c = app.database(); PreparedStatement s = c.prepareStatement(
                "select state from migration_request where cluster_id = ? order by id desc limit 1")) {
            s.setString(1, cluster);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
