package com.switchback.migration.mysql;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.switchback.e2e.Browsers;
import com.switchback.e2e.RunningJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The real thing, once: the packaged application drives the lab's pair; a DBA asks for a rollback
 * with endpoints in the browser, a team lead approves it, and the application is killed with
 * {@code kill -9} while the rollback waits for RDS to catch up. Started again on the same
 * database, it resumes the rollback from its journal and finishes it; both servers were never
 * writable together, and the rows written on PolarDB are on RDS.
 */
class MysqlKillIT {

    private static final String CLUSTER = "pc-mysqllab01";

    @Test
    void aRollbackInterruptedByKill9IsFinishedAfterARestart() throws Exception {
        MysqlLab lab = MysqlLab.get();
        lab.resetSwitchedOver();
        // RDS applies PolarDB's events 20 s late: the rollback's catch-up step will be waiting.
        MysqlLabTest.sql(lab.rds, "stop slave", "change master to master_delay = 20", "start slave");
        Path data = Files.createTempDirectory("switchback-kill");
        List<String> args = arguments(lab);
        try (var watch = new TwoWriterMonitor(lab)) {
            long requestId;
            try (RunningJar first = RunningJar.startOn(data, args.toArray(String[]::new));
                 Playwright playwright = Browsers.playwright();
                 Browser browser = Browsers.chromium(playwright)) {
                // A real backend configured: no demo accounts (they fail closed), so the test adds its own.
                first.withAccount("dba", "DBA").withAccount("lead", "TEAM_LEAD");
                requestRollBack(browser, first, () -> write(lab));
                // The read-only window's steps are journaled as running together, before the first runs: the
                // catch-up is under way once PolarDB also reads back read-only.
                requestId = await().atMost(Duration.ofSeconds(60)).until(() -> runningStep(first, "rds-caught-up"), id -> id > 0);
                await().atMost(Duration.ofSeconds(15)).until(() -> {
                    try (Connection p = lab.polardb.root()) {
                        return MysqlServer.readOnly(p);
                    }
                });
                first.kill();
            }
            // Killed inside the catch-up: RDS not yet writable, PolarDB already read-only. Unavailable, never split.
            try (Connection r = lab.rds.root(); Connection p = lab.polardb.root()) {
                assertThat(MysqlServer.readOnly(r)).isTrue();
                assertThat(MysqlServer.readOnly(p)).isTrue();
            }

            try (RunningJar second = RunningJar.startOn(data, args.toArray(String[]::new))) {
                try (Connection db = second.database(); Statement s = db.createStatement();
                     var rs = s.executeQuery("select count(*) from app_user where username in ('admin', 'auditor', 'lead2')")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("no demo accounts with a real backend configured").isZero();
                }
                assertThat(second.logIn("admin", "demo")).as("the published demo password lets nobody in")
                        .isEqualTo("/login?error");
                await().atMost(Duration.ofSeconds(120)).until(() -> requestState(second, requestId), "SUCCEEDED"::equals);
                assertThat(stepStates(second, requestId)).containsOnly("DONE");
                assertThat(auditActions(second, requestId)).contains("execution.started", "execution.taken-over",
                        "execution.succeeded");
            }
            watch.close();
            assertThat(watch.samples()).isGreaterThan(100);
            assertThat(watch.twoWritersSeen()).isZero();
        }
        try (Connection r = lab.rds.root(); Connection p = lab.polardb.root()) {
            assertThat(MysqlServer.readOnly(r)).as("RDS writable again").isFalse();
            assertThat(MysqlServer.readOnly(p)).as("PolarDB read-only").isTrue();
            assertThat(MysqlServer.replica(p)).as("link RDS → PolarDB restored").isPresent();
            assertThat(MysqlServer.replica(r)).isEmpty();
        }
        Set<Long> written = MysqlLabTest.ids(lab.polardb);
        assertThat(written).hasSize(10);
        assertThat(MysqlLabTest.ids(lab.rds)).containsAll(written);
        assertThat(lab.runtime().activeServers(MysqlLab.RDS_BACKEND)).containsExactly(MysqlLab.RDS_SERVER);
        lab.reset();
    }

    private static List<String> arguments(MysqlLab lab) {
        List<String> args = new ArrayList<>();
        var properties = new java.util.HashMap<>(lab.pairProperties(CLUSTER));
        // The catch-up may wait this long, and a run holds its lease for the read-only window as long (plus
        // a margin): killed inside the window, it is taken over only after that.
        properties.put("switchback.mysql.pairs[0].catch-up-timeout", "PT25S");
        properties.forEach((k, v) -> args.add("--" + k + "=" + v));
        args.add("--switchback.simulated.enabled=false");
        // A killed executor's claim is taken over quickly, so the test does not wait the default 30 s.
        args.add("--switchback.executor.stale-after=PT3S");
        args.add("--switchback.executor.heartbeat=PT1S");
        return args;
    }

    /** The application writes through the RDS endpoint, which points to PolarDB since the switch over. */
    private static void write(MysqlLab lab) {
        try (Connection c = lab.app(lab.rdsEndpointPort); Statement s = c.createStatement()) {
            for (int i = 1; i <= 10; i++) {
                s.execute("insert into writes (id) values (" + i + ")");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requestRollBack(Browser browser, RunningJar app, Runnable beforeApproval) {
        Page dba = Browsers.login(browser, app, "dba");
        dba.navigate(app.url("/clusters/" + CLUSTER));
        assertThat(dba.getByText("RDS Migration")).isVisible();
        button(dba, "Roll Back Migration").click();
        dba.locator("vaadin-radio-button", new Page.LocatorOptions().setHasText("Switch Back with Endpoints")).click();
        dba.locator("vaadin-text-area textarea").fill("Rollback drill with a crash");
        // The lab's servers warn (no TLS on the link, accounts that bypass read_only): the DBA acknowledges.
        assertThat(button(dba, "Request rollback")).isDisabled();
        dba.locator("vaadin-checkbox", new Page.LocatorOptions().setHasText("I have read the warnings above")).click();
        button(dba, "Request rollback").click();
        assertThat(dba.getByText("Waiting for a team lead's approval", new Page.GetByTextOptions().setExact(false)))
                .isVisible();

        Page lead = Browsers.login(browser, app, "lead");
        lead.navigate(app.url("/approvals"));
        lead.locator("vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("Rollback drill")).click();
        try {
            assertThat(lead.getByText("Pre-checks (run now)")).isVisible();
            // Written just before the approval, these reach RDS only 20 s later: the catch-up will wait.
            beforeApproval.run();
            button(lead, "Approve").click();
        } finally {
            lead.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/mysql-kill-approval.png"))
                    .setFullPage(true));
        }
    }

    private static com.microsoft.playwright.Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The id of the request whose step {@code key} is running, or 0. */
    private static long runningStep(RunningJar app, String key) throws Exception {
        try (Connection c = app.database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select request_id from operation_step where state = 'RUNNING' and step_key = '"
                     + key + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static String requestState(RunningJar app, long id) throws Exception {
        try (Connection c = app.database(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select state from migration_request where id = " + id)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static List<String> stepStates(RunningJar app, long id) throws Exception {
        return strings(app, "select state from operation_step where request_id = " + id + " order by seq");
    }

    private static List<String> auditActions(RunningJar app, long id) throws Exception {
        return strings(app, "select action from audit_event where request_id = " + id + " order by seq");
    }

    private static List<String> strings(RunningJar app, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = app.database(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
