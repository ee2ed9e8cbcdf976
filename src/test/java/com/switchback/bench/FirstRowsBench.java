package com.switchback.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.switchback.e2e.Browsers;
import com.switchback.e2e.RunningJar;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** With 100,000 clusters: from navigating to the clusters view until Chromium shows its first rows. */
class FirstRowsBench {

    @Test
    void timeToFirstRows() throws Exception {
        try (RunningJar app = RunningJar.start("--switchback.poll.interval=PT1H");
             Playwright playwright = Browsers.playwright()) {
            var db = new DriverManagerDataSource("jdbc:postgresql://localhost:" + app.databasePort + "/postgres",
                    "postgres", "");
            FleetLoader.load(JdbcClient.create(db), LargeFleetQueryBench.FLEET);
            Browser browser = Browsers.chromium(playwright);
            Page page = Browsers.login(browser, app, "dba");
            Stats stats = new Stats();
            for (int run = 0; run < 12; run++) {
                page.navigate(app.url("/requests"));
                page.locator("vaadin-grid").first().waitFor();
                long start = System.nanoTime();
                page.navigate(app.url("/clusters"));
                page.locator("vaadin-grid-cell-content:has-text('pc-')").first().waitFor();
                stats.add((System.nanoTime() - start) / 1e6);
            }
            Stats.report("first rows of the clusters view in Chromium, " + LargeFleetQueryBench.FLEET
                    + " clusters (full page load): " + stats.summary("ms") + " (goal: under 1.5 s)");
            browser.close();
        }
    }
}
