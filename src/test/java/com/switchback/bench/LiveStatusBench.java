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
 */
class LiveStatusBench {

    private static final int CHANGES = 20;
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
            Browser browser = Browsers.chromium(playwright);
            String cluster = syncingCluster(app);
            List<Page> pages = new ArrayList<>();
            int value = 10_000;
            for (int n : new int[]{1, 10, 50}) {
                while (pages.size() < n) {
                    pages.add(open(browser, app, cluster));
                }
                Stats stats = new Stats();
                Stats spread = new Stats();
                List<Long> commits = new ArrayList<>();
                long logLines = pushLines(app).size();
                for (int change = 0; change < CHANGES; change++) {
                    value++;
                    long committed = commit(app, cluster, value);
                    commits.add(committed);
                    String text = value + " s";
                    long first = Long.MAX_VALUE;
                    long last = 0;
                    for (Page page : pages) {
                        page.waitForFunction("t => window.__seen[t] !== undefined", text);
                        long seen = ((Number) page.evaluate("t => window.__seen[t]", text)).longValue();
                        stats.add(seen - committed);
                        first = Math.min(first, seen);
                        last = Math.max(last, seen);
                    }
                    spread.add(last - first);
                    // The workload: one change every 300 ms, more often than a migration's status changes.
                    pages.get(0).waitForTimeout(300);
                }
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

    private static Page open(Browser browser, RunningJar app, String cluster) {
        Page page = Browsers.login(browser, app, "dba");
        page.navigate(app.url("/clusters/" + cluster));
        page.locator("[data-fact=\"Replication Latency\"]").waitFor();
        page.evaluate(OBSERVER);
        return page;
    }

    private static long commit(RunningJar app, String cluster, int latency) throws Exception {
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
