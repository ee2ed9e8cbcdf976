package com.switchback.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.switchback.e2e.Browsers;
import com.switchback.e2e.RunningJar;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * From the commit of a status change to the changed text in the DOM of N open pages (N = 1, 10,
 * 50), each page a separate user session in Chromium. The change is committed straight into the
 * database with its NOTIFY, as another node's poller would; each page records when the text changed.
 * Each page count first gets a round of changes that is not measured (the JIT compiles what the new
 * pages' logins ran), then a span with nothing changing (the server's idle CPU), then the measured
 * round. The browsers run in Linux's idle scheduling class unless asked otherwise: on a real console
 * they run on the users' machines, not on the server's two cores.
 */
class LiveStatusBench {

    /** Changes per page count; -Dswitchback.bench.changes=N for a longer run (a profile, say). */
    private static final int CHANGES = Integer.getInteger("switchback.bench.changes", 20);
    /** Page counts measured in turn; -Dswitchback.bench.pages=10 for one of them. */
    private static final int[] PAGES = java.util.Arrays.stream(System.getProperty("switchback.bench.pages", "1,10,50")
            .split(",")).mapToInt(s -> Integer.parseInt(s.strip())).toArray();
    private static final String OBSERVER = """
            () => {
              window.__seen = {};
              const el = document.querySelector('[data-fact="Replication Latency"]');
              new MutationObserver(() => { const t = el.textContent; if (!window.__seen[t]) window.__seen[t] = Date.now(); })
                .observe(el, { childList: true, characterData: true, subtree: true });
            }""";

    @Test
    void statusChangeToDom() throws Exception {
        try (RunningJar app = RunningJar.start("--switchback.poll.interval=PT1H",
                "--switchback.simulated.latency-noise=false", "--switchback.diagnostics.push-timing=true");
             Playwright playwright = Browsers.playwright()) {
            // By default the browsers run at the lowest CPU priority, as if on the users' own machines:
            // the server's share is then the server's. -Dswitchback.bench.browser-priority=normal to compare.
            boolean sharedCores = "normal".equals(System.getProperty("switchback.bench.browser-priority"));
            Browser browser = sharedCores ? Browsers.chromium(playwright) : Browsers.chromiumAtLowPriority(playwright);
            Stats.report("live status: browsers at " + (sharedCores ? "normal" : "the lowest (Linux's idle class)")
                    + " CPU priority");
            ProcessHandle server = ProcessHandle.of(app.pid()).orElseThrow();
            String cluster = syncingCluster(app);
            List<Page> pages = new ArrayList<>();
            int value = 10_000;
            for (int n : PAGES) {
                while (pages.size() < n) {
                    pages.add(open(browser, app, cluster));
                }
                // Warm-up, not measured: the JIT compiles what the new pages' logins and first updates ran.
                value = changes(app, cluster, pages, value, CHANGES).lastValue();
                long logLines = pushLines(app).size();
                // The server's CPU time with the pages open and nothing changing, over as long as the changes take.
                java.time.Duration idleBefore = server.info().totalCpuDuration().orElseThrow();
                long idleStart = System.nanoTime();
                pages.get(0).waitForTimeout(CHANGES * 300);
                java.time.Duration idle = server.info().totalCpuDuration().orElseThrow().minus(idleBefore);
                long idleNanos = System.nanoTime() - idleStart;
                long changesStart = System.nanoTime();
                java.time.Duration cpuBefore = server.info().totalCpuDuration().orElseThrow();
                Round round = changes(app, cluster, pages, value, CHANGES);
                value = round.lastValue();
                Stats stats = round.toDom();
                Stats spread = round.spread();
                List<Long> commits = round.commits();
                java.time.Duration cpu = server.info().totalCpuDuration().orElseThrow().minus(cpuBefore);
                double idleShare = idle.toNanos() * (double) (System.nanoTime() - changesStart) / idleNanos;
                Stats.report("live status, server's CPU time for the changes (the whole process, less its time with "
                        + "nothing changing), " + n + " page(s): " + String.format("%.2f ms per change and page"
                        + " (busy %.0f ms, idle for as long %.0f ms)", (cpu.toNanos() - idleShare) / 1e6 / CHANGES / n,
                        cpu.toNanos() / 1e6, idleShare / 1e6));
                Stats.report("live status, commit to DOM, " + n + " page(s): " + stats.summary("ms")
                        + " (goal: p95 under 100 ms at 50 pages)");
                Stats.report("live status, first to last page showing a change, " + n + " page(s): "
                        + spread.summary("ms") + " (goal: within 100 ms at 50 pages)");
                Stats.report("live status, server's share (commit to the last page's push written), " + n
                        + " page(s): " + serverShare(pushLines(app).subList((int) logLines, pushLines(app).size()),
                        commits, n).summary("ms") + " (goal: p95 under 50 ms at 50 sessions)");
                List<String> probes = probeLines(app);
                List<String> these = probes.subList(probes.size() - n * CHANGES, probes.size());
                Stats work = new Stats();
                Stats waited = new Stats();
                these.forEach(l -> {
                    work.add(field(l, "work-us=") / 1000.0);
                    waited.add(field(l, "wait-us=") / 1000.0);
                });
                Stats.report("live status, server's work per page and change (update and push in the page's lock), "
                        + n + " page(s): " + work.summary("ms") + "; all pages of one change: "
                        + String.format("%.1f ms", work.percentile(50) * n) + " at p50");
                Stats.report("live status, wait per page for its lock and a thread, " + n + " page(s): "
                        + waited.summary("ms"));
            }
            browser.close();
        }
    }

    /**
     * One round of changes: for each, the time each page showed it and the spread between the pages; and
     * the latency value the round ended with (each change sets the next one).
     */
    private record Round(Stats toDom, Stats spread, List<Long> commits, int lastValue) {
    }

    private static Round changes(RunningJar app, String cluster, List<Page> pages, int fromValue, int count)
            throws Exception {
        Stats toDom = new Stats();
        Stats spread = new Stats();
        List<Long> commits = new ArrayList<>();
        int value = fromValue;
        for (int change = 0; change < count; change++) {
            value++;
            long committed = commit(app, cluster, value);
            commits.add(committed);
            String text = value + " s";
            long first = Long.MAX_VALUE;
            long last = 0;
            for (Page page : pages) {
                page.waitForFunction("t => window.__seen[t] !== undefined", text);
                long seen = ((Number) page.evaluate("t => window.__seen[t]", text)).longValue();
                toDom.add(seen - committed);
                first = Math.min(first, seen);
                last = Math.max(last, seen);
            }
            spread.add(last - first);
            // The workload: one change every 300 ms, more often than a migration's status changes.
            pages.get(0).waitForTimeout(300);
        }
        return new Round(toDom, spread, commits, value);
    }

    private static Page open(Browser browser, RunningJar app, String cluster) {
        Page page = Browsers.login(browser, app, "dba");
        page.navigate(app.url("/clusters/" + cluster));
        page.locator("[data-fact=\"Replication Latency\"]").waitFor();
        page.evaluate(OBSERVER);
        return page;
    }

    /** A change of the cluster's latency, committed with its NOTIFY as another node would; when its commit started. */
    static long commit(RunningJar app, String cluster, int latency) throws Exception {
        try (Connection c = app.database()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement(
                    "update migration set delayed_seconds = ? where cluster_id = ?");
                 PreparedStatement notify = c.prepareStatement("select pg_notify('switchback_migration', ?)")) {
                update.setInt(1, latency);
                update.setString(2, cluster);
                update.executeUpdate();
                notify.setString(1, "bench-node:" + cluster);
                notify.executeQuery().close();
            }
            long committing = System.currentTimeMillis(); // conservative: the commit's own time counts
            c.commit();
            return committing;
        }
    }

    /** The times the server logged a page's push as written (PushProbe), in log order. */
    private static List<Long> pushLines(RunningJar app) throws java.io.IOException {
        return probeLines(app).stream()
                .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1).strip())).toList();
    }

    private static List<String> probeLines(RunningJar app) throws java.io.IOException {
        return java.nio.file.Files.readAllLines(app.log).stream().filter(l -> l.contains("push-written ")).toList();
    }

    private static long field(String line, String name) {
        int at = line.indexOf(name) + name.length();
        return Long.parseLong(line.substring(at, line.indexOf(' ', at)));
    }

    /** For each change: the last push written after its commit and before the next one, less the commit. */
    private static Stats serverShare(List<Long> pushes, List<Long> commits, int pages) {
        Stats share = new Stats();
        for (int i = 0; i < commits.size(); i++) {
            long from = commits.get(i);
            long until = i + 1 < commits.size() ? commits.get(i + 1) : Long.MAX_VALUE;
            List<Long> these = pushes.stream().filter(t -> t >= from && t < until).toList();
            if (these.size() < pages) {
                throw new IllegalStateException("Change " + i + ": " + these.size() + " pushes logged for " + pages
                        + " pages");
            }
            share.add(these.stream().mapToLong(Long::longValue).max().orElseThrow() - from);
        }
        return share;
    }

    static String syncingCluster(RunningJar app) throws Exception {
        try (Connection c = app.database(); PreparedStatement s = c.prepareStatement(
                "select cluster_id from migration where status = 'RDS2POLARDB_SYNCING' and comment = '' order by cluster_id limit 1");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
