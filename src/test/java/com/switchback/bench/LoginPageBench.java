package com.switchback.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.switchback.e2e.Browsers;
import com.switchback.e2e.RunningJar;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar in Chromium, each run in a new browser context (an empty cache, as a first
 * visit): from opening the login page until its form can be typed in, and from pressing Enter
 * until the console's frame is drawn (where the script bundle now loads).
 */
class LoginPageBench {

    @Test
    void timeToALoginFormAndToTheConsole() throws Exception {
        try (RunningJar app = RunningJar.start("--switchback.poll.interval=PT1H");
             Playwright playwright = Browsers.playwright()) {
            Browser browser = Browsers.chromium(playwright);
            Stats form = new Stats();
            Stats console = new Stats();
            for (int run = 0; run < 10; run++) {
                BrowserContext context = browser.newContext();
                Page page = context.newPage();
                long start = System.nanoTime();
                page.navigate(app.url("/login"));
                page.locator("input[name=username]").waitFor();
                form.add((System.nanoTime() - start) / 1e6);
                page.locator("input[name=username]").fill("dba");
                page.locator("input[name=password]").fill(app.passwordOf("dba"));
                start = System.nanoTime();
                page.locator("input[name=password]").press("Enter");
                page.locator("vaadin-app-layout").waitFor();
                console.add((System.nanoTime() - start) / 1e6);
                context.close();
            }
            Stats.report("login page, empty cache, until its form can be typed in: " + form.summary("ms")
                    + " (goal: under 300 ms)");
            Stats.report("login submitted until the console's frame is drawn (empty cache): " + console.summary("ms"));
            browser.close();
        }
    }
}
