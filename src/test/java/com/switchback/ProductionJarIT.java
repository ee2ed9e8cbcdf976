package com.switchback;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.switchback.e2e.Browsers;
import com.switchback.e2e.RunningJar;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as a user starts it: it comes up on its embedded PostgreSQL, reports
 * healthy and serves the login page with its stylesheet. Started here with sessions a few seconds
 * long and the loopback address as a trusted proxy, to see both in a real browser and over HTTP.
 */
class ProductionJarIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static RunningJar app;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        app = RunningJar.start("--switchback.sessions.idle-timeout=PT4S", "--switchback.sessions.lifetime=PT12S",
                "--switchback.sessions.sweep=PT0.5S", "--switchback.sessions.activity-every=PT0.5S",
                // A heartbeat every second: it must not count as activity.
                "--vaadin.heartbeatInterval=1",
                // Locked at the third failure: the lockout is what the browser test reads, not a 1-s delay.
                "--switchback.login.lock-after=3",
                "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
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
    }

    @Test
    void theJarStartsHealthyAndServesTheLoginPage() throws Exception {
        assertThat(app.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        var login = app.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<html");
        assertThat(app.status("/styles/switchback.css")).isEqualTo(200);
        assertThat(app.status("/alive")).as("the pages' liveness probe, without a session").isEqualTo(204);
        assertThat(app.status("/clusters")).as("not logged in: redirected to the login page").isEqualTo(302);
        assertThat(Files.readString(app.log)).contains("Vaadin is running in production mode")
                .as("push's WebSocket buffers were found and made small (ConnectionBuffers)")
                .contains("Push WebSockets: 256 bytes for Atmosphere's unused buffers");
    }

    @Test
    void aPushRequestOfAPageWhoseSessionIsGoneIsToldSoAndStartsNoSession() throws Exception {
        // What a page still open from before a restart sends: its old session cookie, on push's fallback transport.
        var push = app.get("/VAADIN/push?v-r=push&v-uiId=0&v-pushId=gone&X-Atmosphere-tracking-id=0"
                        + "&X-Atmosphere-Framework=4.0.1&X-Atmosphere-Transport=long-polling&X-Atmosphere-TrackMessageSize=true",
                "Cookie", "JSESSIONID=0123456789ABCDEF0123456789ABCDEF");
        assertThat(push.body()).contains("\"sessionExpired\":true");
        assertThat(push.headers().allValues("Set-Cookie")).as("no new session, so no cookie to replace the browser's")
                .isEmpty();
    }

    @Test
    void errorsTheContainerRaisesItselfGetTheConsolesOwnPage() throws Exception {
        // An encoded slash: Tomcat refuses it before the application sees the request.
        var malformed = app.get("/clusters/%3Cx%3E%2Fy");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("<h2>Bad request</h2>").contains("Back to the clusters")
                .doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("apache").doesNotContain("Exception");
        assertThat(malformed.headers().firstValue("Server")).isEmpty();
        assertThat(malformed.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    }

    @Test
    void plainPagesSpeakTheBrowsersLanguageOrTheOnePickedInTheUserMenu() throws Exception {
        var chinese = app.get("/login", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
        assertThat(chinese.body()).contains("<html lang=\"zh-CN\">").contains(">用户名</label>").contains(">登录</button>");
        var picked = app.get("/login", "Accept-Language", "zh-CN", "Cookie", "sb-lang=en");
        assertThat(picked.body()).contains("<html lang=\"en\">").contains(">User name</label>");
        var malformed = app.get("/clusters/%3Cx%3E%2Fy", "Accept-Language", "zh-CN");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("<h2>请求错误</h2>").contains("返回集群列表");
    }

    @Test
    void theLoginFormIsInTheFirstResponseAndAFailedLoginKeepsTheUserName() throws Exception {
        var login = app.get("/login");
        // Server-rendered: the form needs no script, so nothing waits for the console's bundle.
        assertThat(login.body()).contains("<form method=\"post\" action=\"login\"").contains("name=\"_csrf\"")
                .doesNotContain("<script");
        assertThat(login.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");

        var context = browser.newContext();
        Page page = context.newPage();
        page.navigate(app.url("/login"));
        page.locator("input[name=username]").fill("dba\"><b>x</b>");
        page.locator("input[name=password]").fill("not the password");
        page.locator("input[name=password]").press("Enter");
        assertThat(page.locator(".sb-login-failed")).containsText("Incorrect user name or password");
        assertThat(page.locator("input[name=username]")).hasValue("dba\"><b>x</b>");
        assertThat(page.locator("input[name=password]")).hasValue("");
        assertThat(page.locator("b")).hasCount(0);
        page.locator("input[name=username]").fill("dba");
        page.locator("input[name=password]").fill(app.passwordOf("dba"));
        page.locator("input[name=password]").press("Enter");
        page.locator("vaadin-app-layout").waitFor();
        context.close();
    }

    @Test
    void anOpenTabWithHeartbeatsButNoClickEndsAfterTheIdleTimeout() {
        Page page = Browsers.login(browser, app, "dba");
        AtomicInteger heartbeats = new AtomicInteger();
        page.onRequest(r -> heartbeats.addAndGet(r.url().contains("v-r=heartbeat") ? 1 : 0));
        assertThat(page).hasURL(Pattern.compile(".*/login\\?ended=idle$"),
                new com.microsoft.playwright.assertions.PageAssertions.HasURLOptions().setTimeout(30_000));
        assertThat(heartbeats.get()).as("heartbeats were sent while it idled").isGreaterThanOrEqualTo(2);
        assertThat(page.locator(".sb-session-ended")).containsText("without activity");
        page.context().close();
    }

    @Test
    void aSessionInUseEndsAtItsLifetime() {
        Page page = Browsers.login(browser, app, "auditor");
        // Clicking every half second keeps it from idling; it still ends 12 s after the login.
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (page.url().contains("ended=")) {
                return true;
            }
            page.mouse().click(700, 500);
            return false;
        });
        assertThat(page.url()).endsWith("/login?ended=lifetime");
        page.context().close();
    }

    @Test
    void afterThreeFailuresTheAccountIsLockedEvenForTheRightPasswordAndTheLoginPageSaysToTryLater() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(app.logIn("lead", "not-the-password")).isEqualTo("/login?error");
        }
        assertThat(app.logIn("lead", "demo")).as("the right password, while locked").isEqualTo("/login?error");
        assertThat(app.logIn("no-such-user", "x")).as("unknown accounts alike").isEqualTo("/login?error");

        Page page = browser.newContext().newPage();
        page.navigate(app.url("/login"));
        page.locator("input[name=username]").fill("lead");
        page.locator("input[name=password]").fill("demo");
        page.locator("input[name=password]").press("Enter");
        assertThat(page.getByText("Too many failed attempts")).isVisible();
        page.context().close();
    }

    @Test
    void aTrustedProxysHttpsAndClientAddressAreHonoured() throws Exception {
        var hsts = app.get("/login", "X-Forwarded-Proto", "https");
        assertThat(hsts.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                v -> assertThat(v).contains("max-age=31536000").contains("includeSubDomains"));

        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        var page = http.send(HttpRequest.newBuilder(URI.create(app.url("/login")))
                .header("X-Forwarded-Proto", "https").build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
        Matcher csrf = CSRF.matcher(page.body());
        assertThat(csrf.find()).as("CSRF token on the login page").isTrue();
        String form = "username=lead2&password=wrong-one&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var refused = http.send(HttpRequest.newBuilder(URI.create(app.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(refused.statusCode()).isEqualTo(302);
        try (Connection c = app.database(); var s = c.createStatement(); var rs = s.executeQuery(
                "select client_address from audit_event where actor = 'lead2' order by seq desc limit 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).as("the client behind the trusted proxy").isEqualTo("203.0.113.9");
        }
    }
}
