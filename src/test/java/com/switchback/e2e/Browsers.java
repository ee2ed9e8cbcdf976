package com.switchback.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Debian's Chromium, driven by Playwright; its own browser download cannot work here. */
public final class Browsers {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private Browsers() {
    }

    /** A new browser context (a separate session) logged in as a demo user (or one the test added), on the start page. */
    public static Page login(Browser browser, RunningJar app, String user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        Page page = context.newPage();
        page.navigate(app.url("/login"));
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(app.password());
        page.locator("input[name=password]").press("Enter");
        page.locator("vaadin-app-layout").waitFor();
        return page;
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }
}
