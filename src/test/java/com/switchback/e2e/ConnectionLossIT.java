package com.switchback.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar stopped under an open cluster page and started again: the page says it is
 * disconnected and stops its actions while the server is away, says the session expired when it
 * is back, and the login returns to the same cluster.
 */
class ConnectionLossIT {

    @Test
    void aStoppedServerShowsDisconnectedAndAfterItsRestartTheLoginReturnsToTheSamePage() throws Exception {
        Path data = Files.createTempDirectory("switchback-connection");
        int port = RunningJar.freePort();
        try (Playwright playwright = Browsers.playwright(); Browser browser = Browsers.chromium(playwright)) {
            String cluster;
            Page page;
            try (RunningJar app = RunningJar.startOn(port, data)) {
                page = Browsers.login(browser, app, "dba");
                try (var c = app.database(); var s = c.createStatement();
                     var rs = s.executeQuery("select id from cluster order by id limit 1")) {
                    rs.next();
                    cluster = rs.getString(1);
                }
                page.navigate(app.url("/clusters/" + cluster));
                assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName(cluster))).isVisible();
                assertThat(page.locator("html[sb-disconnected]")).hasCount(0);
            }
            // The server is gone: the page must not look live.
            assertThat(page.locator("html[sb-disconnected]")).hasCount(1,
                    new LocatorAssertions.HasCountOptions().setTimeout(60_000));
            assertThat(page.locator("vaadin-app-layout")).hasCSS("pointer-events", "none");

            try (RunningJar again = RunningJar.startOn(port, data)) {
                // Back, with a new server: the old session is gone, and the page says so.
                assertThat(page.getByText("Your session has expired")).isVisible(
                        new LocatorAssertions.IsVisibleOptions().setTimeout(60_000));
                assertThat(page.locator("html[sb-disconnected]")).hasCount(0);
                page.getByText("Your session has expired").click();
                page.locator("input[name=username]").fill("dba");
                page.locator("input[name=password]").fill(again.passwordOf("dba"));
                page.locator("input[name=password]").press("Enter");
                assertThat(page).hasURL(Pattern.compile(".*/clusters/" + cluster + "$"),
                        new PageAssertions.HasURLOptions().setTimeout(30_000));
                assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName(cluster))).isVisible();
            }
        }
    }
}
