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
        return login(browser, app, user, app.passwordOf(user));
    }

    /**
     * What Chromium refused under the Content-Security-Policy, on any page a test opened through
     * {@link #login}: a browser test fails on any (see ConsoleBrowserIT).
     */
    public static final List<String> CSP_VIOLATIONS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Logs in with the given password and waits for the console's frame. */
    public static Page login(Browser browser, RunningJar app, String user, String password) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        Page page = context.newPage();
        watchCsp(page);
        page.navigate(app.url("/login"));
        page.locator("input[name=username]").fill(user);
        page.locator("input[name=password]").fill(password);
        page.locator("input[name=password]").press("Enter");
        page.locator("vaadin-app-layout").waitFor();
        return page;
    }

    /** Every error Chromium wrote to the console of a page opened through {@link #login}, with its page. */
    public static final List<String> CONSOLE_ERRORS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Records each CSP refusal, and each console error, Chromium reports on the page's console. */
    public static void watchCsp(Page page) {
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                CSP_VIOLATIONS.add(page.url() + ": " + m.text());
            } else if ("error".equals(m.type())) {
                CONSOLE_ERRORS.add(page.url() + ": " + m.text() + " (" + m.location() + ")");
            }
        });
        page.onPageError(e -> CONSOLE_ERRORS.add(page.url() + ": uncaught " + e));
    }

    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser chromium(Playwright playwright) {
        return launch(playwright, CHROMIUM);
    }

    /**
     * Chromium at the lowest CPU priority, for benchmarks that measure the server: the users' browsers
     * run on their own machines, not on the server's cores. Linux's idle scheduling class, inherited by
     * every process Chromium starts (a nice value would not do: Chromium, run as root, raises its own).
     */
    public static Browser chromiumAtLowPriority(Playwright playwright) {
        try {
            Path wrapper = java.nio.file.Files.createTempFile("chromium-nice", ".sh");
            java.nio.file.Files.writeString(wrapper, "#!/bin/sh\nexec chrt --idle 0 " + CHROMIUM + " \"$@\"\n");
            wrapper.toFile().setExecutable(true);
            wrapper.toFile().deleteOnExit();
            return launch(playwright, wrapper);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Browser launch(Playwright playwright, Path executable) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(executable)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage")));
    }
}
