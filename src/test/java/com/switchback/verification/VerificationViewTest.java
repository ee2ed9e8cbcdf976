package com.switchback.verification;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.switchback.KaribuTest;
import com.switchback.TestFleet;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.base.ActionRefusedException;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationService;
import com.switchback.migration.simulated.SimulatedBackend;
import com.switchback.verification.ui.VerificationSectionProbe;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Verify Data on the cluster page, on the simulated backend: started by a DBA, run in the background, shown live. */
class VerificationViewTest extends KaribuTest {

    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;
    @Autowired MigrationEvents events;
    @Autowired VerificationRunner runner;
    @Autowired VerificationService verifications;
    @Autowired MigrationService migrations;

    private TestFleet fleet;

    @BeforeEach
    void setUp() {
        fleet = new TestFleet(simulated, discovery, jdbc);
    }

    @Test
    void aDbaVerifiesACleanClusterAndSeesEachTableAndTheFreshness() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 3);
        open(id, "dba", "DBA");
        var section = VerificationSectionProbe.of(_get(com.switchback.verification.ui.VerificationSection.class));
        assertThat(section.freshness()).isEqualTo("Not verified yet.");
        assertThat(section.unavailable()).as("the simulated backend verifies").isEmpty();
        _click(section.verify());
        assertThat(section.verify().isEnabled()).as("one at a time").isFalse();

        // Another node (here: the test) runs it; the page follows.
        assertThat(runner.runNext()).isTrue();
        events.flush();
        MockVaadin.clientRoundtrip(false);
        assertThat(section.freshness()).matches("Verified clean [0-9.]+ s ago \\(verification #\\d+\\)\\.");
        assertThat(section.progressText()).matches("Verification #\\d+ found no difference: 102,000 rows in 11 chunks, .*");
        assertThat(_findAll(section.tables())).extracting(Verification.Table::name)
                .containsExactly("shop.orders", "shop.customers", "shop.order_items");
        assertThat(_findAll(section.tables())).allMatch(t -> t.done() && t.differences() == 0 && t.matching() == t.rowsCompared());
        assertThat(jdbc.sql("select action from audit_event where cluster_id = :c and action like 'verification.%' order by seq")
                .param("c", id).query(String.class).list())
                .containsExactly("verification.requested", "verification.started", "verification.done");
    }

    @Test
    void everyDifferingKeyIsListedAndDownloadable() throws Exception {
        String id = "pc-tverifydiff1";
        simulated.put(id, "RDS2POLARDB_SYNCING", 3);
        discovery.discover(SimulatedBackend.NAME, id);
        open(id, "lead", "TEAM_LEAD");
        var section = VerificationSectionProbe.of(_get(com.switchback.verification.ui.VerificationSection.class));
        _click(section.verify());
        runner.runNext();
        events.flush();
        MockVaadin.clientRoundtrip(false);
        assertThat(section.freshness()).startsWith("Last verification found 7 differing rows");
        assertThat(_findAll(section.differences())).hasSize(7).extracting(Verification.Difference::key)
                .contains("[\"1\"]", "[\"7\"]");
        Verification v = verifications.latest(id).orElseThrow();
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        verifications.exportDifferences(v.id(), csv);
        assertThat(csv.toString().lines()).hasSize(8).first().isEqualTo("table,kind,key");
        assertThat(csv.toString()).contains("\"shop.orders\",DIFFERENT,\"[\"\"2\"\"]\"").contains("\"shop.orders\",MISSING_ON_RDS,\"[\"\"3\"\"]\"");
    }

    @Test
    void aVerificationAndARequestExcludeEachOtherAndACancelStopsIt() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 3);
        login("dba", "DBA");
        Verification v = verifications.start(id);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> migrations.request(id, MigrationAction.CANCEL, false, "Now"))
                .isInstanceOf(ActionRefusedException.class).hasMessageContaining("Verification #" + v.id() + " is running");
        verifications.cancel(v.id());
        assertThat(verifications.find(v.id()).orElseThrow().state()).isEqualTo(Verification.State.CANCELLED);
        assertThat(runner.runNext()).as("nothing left to run").isFalse();

        long r = migrations.request(id, MigrationAction.CANCEL, false, "Now").id();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifications.start(id))
                .isInstanceOf(ActionRefusedException.class).hasMessageStartingWith("Request #" + r + " is open");
    }

    @Test
    void anAuditorSeesVerificationsButCannotStartOne() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 3);
        open(id, "auditor", "AUDITOR");
        var section = VerificationSectionProbe.of(_get(com.switchback.verification.ui.VerificationSection.class));
        assertThat(section.verify().isVisible()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifications.start(id))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private void open(String clusterId, String user, String... roles) {
        login(user, roles);
        UI.getCurrent().navigate("clusters/" + clusterId);
        _get(H2.class, spec -> spec.withText(clusterId));
    }
}
