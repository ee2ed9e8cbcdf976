package com.switchback.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Heap held per open UI on the clusters view. The server's live heap is read after a full GC
 * (jcmd GC.run, GC.heap_info) before and after opening sessions; the difference is divided by
 * their number. Two clients: a scripted one (log in, then the UI's init request, as the browser's
 * bootstrap makes it: server-side UI and view, no grid rows fetched) with several hundred sessions,
 * and real Chromium pages (the grid's first rows fetched too) with a few dozen.
 */
class SessionMemoryBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    @Test
    void heapPerSession() throws Exception {
        try (RunningJar app = RunningJar.start("--switchback.poll.interval=PT1H")) {
            List<HttpClient> keep = new ArrayList<>();
            keep.add(scriptedSession(app)); // warm-up: first UI, classes loaded, caches filled
            long before = usedHeapKb(app);
            int sessions = 300;
            for (int i = 0; i < sessions; i++) {
                keep.add(scriptedSession(app));
            }
            long after = usedHeapKb(app);
            Stats.report(String.format("memory per session (scripted client, %d sessions on the clusters view): %.1f KB "
                    + "(heap %d KB -> %d KB; goal: under 100 KB)", sessions, (after - before) / (double) sessions, before, after));

            try (Playwright playwright = Browsers.playwright()) {
                Browser browser = Browsers.chromium(playwright);
                List<BrowserContext> contexts = new ArrayList<>();
                contexts.add(browserSession(browser, app));
                long beforeBrowsers = usedHeapKb(app);
                java.util.Map<String, Long> histogramBefore = histogram(app);
                INSTANCES_BEFORE.putAll(INSTANCES);
                heapDump(app, "before");
                int pages = Integer.getInteger("switchback.bench.sessions", 30);
                for (int i = 0; i < pages; i++) {
                    contexts.add(browserSession(browser, app));
                }
                long afterBrowsers = usedHeapKb(app);
                java.util.Map<String, Long> histogramBrowsers = histogram(app);
                heapDump(app, "after");
                Stats.report(String.format("memory per session (Chromium, %d sessions with the grid's rows loaded): %.1f KB "
                        + "(heap %d KB -> %d KB; goal: under 100 KB)", pages,
                        (afterBrowsers - beforeBrowsers) / (double) pages, beforeBrowsers, afterBrowsers));
                reportLiveObjects("Chromium, %d sessions with the grid's rows loaded".formatted(pages),
                        histogramBefore, histogramBrowsers, pages);
                Stats.report(String.format("  connections to the console held open: %d (%d browser sessions, %d scripted clients)",
                        connections(app), pages + 1, sessions + 1));
                // A live console: the fleet changes and every open list shows it. Lists that refresh at the
                // same change share its rows (ClusterService.shownPage) instead of each keeping its own.
                fleetChanges(app, contexts);
                long afterChange = usedHeapKb(app);
                heapDump(app, "after-change");
                Stats.report(String.format("memory per session (Chromium, the same %d sessions after one change of the fleet "
                        + "shown on every list): %.1f KB (heap %d KB -> %d KB; goal: under 100 KB)", pages,
                        (afterChange - beforeBrowsers) / (double) pages, beforeBrowsers, afterChange));
                // Where it goes: the classes whose instances grew most, per session.
                java.util.Map<String, Long> histogramAfter = histogram(app);
                reportLiveObjects("Chromium, the same %d sessions after one change of the fleet".formatted(pages),
                        histogramBefore, histogramAfter, pages);
                histogramAfter.entrySet().stream()
                        .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - histogramBefore.getOrDefault(e.getKey(), 0L)))
                        .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed()).limit(40)
                        .forEach(e -> Stats.report(String.format("  %8.1f KB/session  %7.1f objects/session  %s",
                                e.getValue() / 1024.0 / pages, instancesPerSession(e.getKey(), pages), e.getKey())));
                // Who owns them: threads, connections and pages, counted.
                for (String owner : List.of("java.lang.Thread", "org.apache.coyote.http11.Http11Processor",
                        "org.apache.catalina.connector.Request", "org.apache.tomcat.websocket.server.WsHttpUpgradeHandler",
                        "org.apache.tomcat.util.net.NioEndpoint$NioSocketWrapper", "com.vaadin.flow.component.UI",
                        "com.vaadin.flow.internal.StateNode")) {
                    Stats.report(String.format("  %7.2f per session  %s", instancesPerSession(owner, pages), owner));
                }
                threadsByName(app).forEach((name, n) -> Stats.report(String.format("  %4d threads  %s", n, name)));
                browser.close();
            }
            if (keep.isEmpty()) {
                throw new IllegalStateException("sessions must stay referenced until measured");
            }
        }
    }

    /**
     * Commits a change of the first cluster every list shows (as another node would: the row and its
     * NOTIFY) and waits until every browser's list shows it.
     */
    private static void fleetChanges(RunningJar app, List<BrowserContext> contexts) throws Exception {
        int latency = 98_765;
        String first;
        try (java.sql.Connection c = app.database();
             var s = c.prepareStatement("select id from cluster order by id limit 1"); var rs = s.executeQuery()) {
            rs.next();
            first = rs.getString(1);
        }
        LiveStatusBench.commit(app, first, latency);
        for (BrowserContext context : contexts) {
            context.pages().getFirst().locator("vaadin-grid-cell-content:has-text('" + latency + " s')").first().waitFor();
        }
    }

    private static HttpClient scriptedSession(RunningJar app) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(app.url("/login"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=dba&password=demo&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        var login = http.send(HttpRequest.newBuilder(URI.create(app.url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        if (login.statusCode() != 302) {
            throw new IllegalStateException("login failed: " + login.statusCode());
        }
        var init = http.send(HttpRequest.newBuilder(URI.create(app.url("/?v-r=init&location=clusters"))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (!init.body().contains("\"v-uiId\"")) {
            throw new IllegalStateException("no UI was created: " + init.body().substring(0, Math.min(200, init.body().length())));
        }
        return http;
    }

    private static BrowserContext browserSession(Browser browser, RunningJar app) {
        Page page = Browsers.login(browser, app, "dba");
        page.locator("vaadin-grid-cell-content:has-text('pc-')").first().waitFor();
        return page.context();
    }

    private static long usedHeapKb(RunningJar app) throws Exception {
        String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        run(jcmd, Long.toString(app.pid()), "GC.run");
        run(jcmd, Long.toString(app.pid()), "GC.run");
        String info = run(jcmd, Long.toString(app.pid()), "GC.heap_info");
        Matcher used = USED.matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("cannot read the heap: " + info);
        }
        return Long.parseLong(used.group(1));
    }

    /**
     * With -Dswitchback.bench.heap-dumps=folder, a heap dump before and after the browser sessions (to see
     * who holds what, in a heap analyser).
     */
    private static void heapDump(RunningJar app, String name) throws Exception {
        String folder = System.getProperty("switchback.bench.heap-dumps");
        if (folder != null) {
            String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
            run(jcmd, Long.toString(app.pid()), "GC.heap_dump", java.nio.file.Path.of(folder, name + ".hprof").toString());
        }
    }

    /** The server's threads, counted by name with the numbers left out (whose threads grow with the pages). */
    private static java.util.Map<String, Long> threadsByName(RunningJar app) throws Exception {
        String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        return run(jcmd, Long.toString(app.pid()), "Thread.print").lines().filter(l -> l.startsWith("\""))
                .map(l -> l.substring(1, l.indexOf('"', 1)).replaceAll("\\d+", "N"))
                .collect(java.util.stream.Collectors.groupingBy(n -> n, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting()));
    }

    /** Established TCP connections to the console's port. */
    private static int connections(RunningJar app) throws Exception {
        String out = run("ss", "-Htn", "state", "established", "( sport = :" + app.port + " )");
        return (int) out.lines().filter(l -> !l.isBlank()).count();
    }

    /**
     * The same growth counted in objects rather than in heap regions: the bytes of the live objects the
     * class histogram lists, without the filler objects G1 leaves in place of dead ones (a full
     * collection does not compact regions that are almost all live, so the heap's "used" moves by
     * megabytes between runs of the same code).
     */
    private static void reportLiveObjects(String what, java.util.Map<String, Long> before, java.util.Map<String, Long> after,
                                          int sessions) {
        long grown = liveBytes(after) - liveBytes(before);
        Stats.report(String.format("live objects per session (%s): %.1f KB (goal: under 100 KB)", what,
                grown / 1024.0 / sessions));
    }

    private static long liveBytes(java.util.Map<String, Long> histogram) {
        return histogram.entrySet().stream().filter(e -> !e.getKey().contains("jdk.internal.vm.Filler"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
    }

    /** Instances of each class counted in the last histogram taken (to tell a few large objects from many small). */
    private static final java.util.Map<String, Long> INSTANCES_BEFORE = new java.util.HashMap<>();
    private static final java.util.Map<String, Long> INSTANCES = new java.util.HashMap<>();

    /** Bytes held by each class's live instances (jcmd GC.class_histogram, which collects first). */
    private static java.util.Map<String, Long> histogram(RunningJar app) throws Exception {
        String jcmd = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        java.util.Map<String, Long> bytes = new java.util.HashMap<>();
        INSTANCES.clear();
        for (String line : run(jcmd, Long.toString(app.pid()), "GC.class_histogram").split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
                INSTANCES.merge(f[3], Long.parseLong(f[1]), Long::sum);
            }
        }
        return bytes;
    }

    /** Instances added per session since the histogram before the browser sessions. */
    private static double instancesPerSession(String className, int sessions) {
        return (INSTANCES.getOrDefault(className, 0L) - INSTANCES_BEFORE.getOrDefault(className, 0L)) / (double) sessions;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
