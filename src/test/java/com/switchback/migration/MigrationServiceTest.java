package com.switchback.migration;

import com.switchback.base.ActionRefusedException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.SwitchbackTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.simulated.SimulatedBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** The migration service called directly, as each role, including the refusals. */
@SwitchbackTest
class MigrationServiceTest {

    @Autowired MigrationService service;
    @Autowired RequestRepository requests;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;

    private TestFleet fleet;

    @BeforeEach
    void setUp() {
        fleet = new TestFleet(simulated, discovery, jdbc);
    }

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @Test
    void dbasAndTeamLeadsMayRequestActions() {
        String a = fleet.create("POLARDB2RDS_SYNCING", 5);
        TestUsers.loginAs("dba", "DBA");
        MigrationRequest r = service.request(a, MigrationAction.ROLL_BACK, false, "Planned maintenance");
        assertThat(r.state()).isEqualTo(RequestState.PENDING);
        assertThat(r.reason()).isEqualTo("Planned maintenance");
        assertThat(r.requestedBy()).isEqualTo("dba");
        assertThat(r.swapEndpoints()).isFalse();
        assertThat(requests.steps(r.id())).extracting(StepRecord::key)
                .containsExactly("precheck", "begin", "polardb-read-only", "rds-caught-up", "rds-read-write",
                        "restore-link", "finish");

        String b = fleet.create("RDS2POLARDB_CLONING", -1);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        assertThat(service.request(b, MigrationAction.CANCEL, true, "Planned maintenance").swapEndpoints())
                .as("Cancel has no endpoint option").isFalse();
    }

    @Test
    void auditorsAdminsAndAnonymousCallersMayNotRequestActions() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 5);
        TestUsers.loginAs("auditor", "AUDITOR");
        assertThatThrownBy(() -> service.request(id, MigrationAction.CANCEL, false, "Planned maintenance")).isInstanceOf(AccessDeniedException.class);
        TestUsers.loginAs("admin", "ADMIN");
        assertThatThrownBy(() -> service.request(id, MigrationAction.CANCEL, false, "Planned maintenance")).isInstanceOf(AccessDeniedException.class);
        TestUsers.logout();
        assertThatThrownBy(() -> service.request(id, MigrationAction.CANCEL, false, "Planned maintenance"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(requests.latestFor(id)).isEmpty();
    }

    @Test
    void everyRoleMayReadAMigrationButNobodyAnonymously() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 5);
        for (String role : List.of("DBA", "TEAM_LEAD", "AUDITOR", "ADMIN")) {
            TestUsers.loginAs("someone", role);
            assertThat(service.overview(id)).as(role).isPresent();
        }
        TestUsers.loginAs("nobody");
        assertThatThrownBy(() -> service.overview(id)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anActionTheStatusDoesNotAllowIsRefusedWithTheReasonAndRecordsNothing() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 5);
        TestUsers.loginAs("dba", "DBA");
        assertThatThrownBy(() -> service.request(id, MigrationAction.ROLL_BACK, true, "Planned maintenance"))
                .isInstanceOf(ActionRefusedException.class)
                .hasMessageContaining("Roll Back Migration is only possible while the status is POLARDB2RDS_SYNCING");
        assertThat(requests.latestFor(id)).isEmpty();
    }

    @Test
    void switchOverIsRefusedWhileLatencyIsSixtySecondsOrMore() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 61);
        TestUsers.loginAs("dba", "DBA");
        assertThatThrownBy(() -> service.request(id, MigrationAction.SWITCH_OVER, true, "Planned maintenance"))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("61 s");
    }

    @Test
    void anUnknownStatusIsRefused() {
        String id = fleet.create("PRECHECK_FAILED", 5);
        TestUsers.loginAs("dba", "DBA");
        assertThat(service.overview(id).orElseThrow().snapshot().status()).isEqualTo("PRECHECK_FAILED");
        assertThatThrownBy(() -> service.request(id, MigrationAction.CANCEL, false, "Planned maintenance"))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("unknown status \"PRECHECK_FAILED\"");
    }

    @Test
    void anUnknownClusterIsRefused() {
        TestUsers.loginAs("dba", "DBA");
        assertThatThrownBy(() -> service.request("pc-doesnotexist", MigrationAction.CANCEL, false, "Planned maintenance"))
                .isInstanceOf(ActionRefusedException.class).hasMessage("There is no cluster pc-doesnotexist.");
        assertThat(service.overview("pc-doesnotexist")).isEmpty();
    }

    @Test
    void aSecondRequestWhileOneIsOpenIsRefused() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 5);
        TestUsers.loginAs("dba", "DBA");
        MigrationRequest first = service.request(id, MigrationAction.CANCEL, false, "Planned maintenance");
        TestUsers.loginAs("lead", "TEAM_LEAD");
        assertThatThrownBy(() -> service.request(id, MigrationAction.SWITCH_OVER, false, "Planned maintenance"))
                .isInstanceOf(ActionRefusedException.class)
                .hasMessage("Request #" + first.id() + " (Cancel Migration) is still pending for this migration: wait until it ends.");
    }

    @Test
    void manySimultaneousClicksMakeExactlyOneRequest() throws Exception {
        String id = fleet.create("POLARDB2RDS_SYNCING", 5);
        int clicks = 24;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            String user = i % 2 == 0 ? "dba" : "lead";
            String role = i % 2 == 0 ? "DBA" : "TEAM_LEAD";
            tasks.add(() -> {
                TestUsers.loginAs(user, role);
                start.await();
                try {
                    service.request(id, MigrationAction.ROLL_BACK, true, "Planned maintenance");
                    return true;
                } catch (ActionRefusedException refused) {
                    return false;
                } finally {
                    TestUsers.logout();
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (Callable<Boolean> t : tasks) {
                results.add(pool.submit(t));
            }
            start.countDown();
            int accepted = 0;
            for (Future<Boolean> f : results) {
                accepted += f.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from migration_request where cluster_id = :c").param("c", id)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
