package com.switchback.cluster.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.switchback.KaribuTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationService;
import com.switchback.migration.TestExecutor;
import com.switchback.migration.simulated.SimulatedBackend;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A safety stop is shown in red on every page, offers no Retry, and its cluster offers Repair. */
class SafetyStopViewTest extends KaribuTest {

    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;
    @Autowired MigrationService service;
    @Autowired MigrationEvents events;
    @Autowired com.switchback.approval.ApprovalService approvals;

    private TestFleet fleet;
    private TestExecutor executor;
    private String clusterId;

    @BeforeEach
    void safetyStopped() {
        fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
        executor = new TestExecutor(ctx);
        clusterId = fleet.create("RDS2POLARDB_SYNCING", 5);
        simulated.faults().secondWriterAfter(clusterId, "polardb-read-write");
        long id = TestExecutor.approvedRequest(service, approvals, clusterId, MigrationAction.SWITCH_OVER, false);
        executor.run("executor-test", id);
    }

    @AfterEach
    void clearFaults() {
        simulated.faults().clear();
    }

    @Test
    void everyPageShowsTheStopInRedUntilRepairEndsIt() {
        login("auditor", "AUDITOR");
        UI.getCurrent().navigate("clusters");
        assertThat(alertFor(clusterId)).isTrue();
        UI.getCurrent().navigate("audit");
        assertThat(alertFor(clusterId)).as("on every page").isTrue();

        login("dba", "DBA");
        UI.getCurrent().navigate("clusters/" + clusterId);
        _get(H2.class, spec -> spec.withText(clusterId));
        Div failure = _get(Div.class, spec -> spec.withClasses("sb-safety-stop"));
        assertThat(failure.getText()).startsWith("SAFETY STOP — Safety stop after step 5 \"Set PolarDB read-write\"");
        assertThat(_find(Button.class, spec -> spec.withText("Retry from the failed step"))).as("no retry").isEmpty();

        _get(com.vaadin.flow.component.html.Span.class, spec -> spec.withText("Left half way (SWITCHING) with no request "
                + "running: Repair brings the pair to one writer and a consistent link."));
        _click(_get(Button.class, spec -> spec.withText("Repair")));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Repair");
        _setValue(_get(dialog, TextArea.class), "Two writers after the switch over");
        _click(_get(dialog, Button.class, spec -> spec.withClasses("sb-confirm")));
        long repair = jdbc.sql("select id from migration_request where cluster_id = :c and action = 'REPAIR'")
                .param("c", clusterId).query(Long.class).single();

        TestUsers.loginAs("lead2", "TEAM_LEAD");
        approvals.approve(repair, "go");
        login("dba", "DBA");
        executor.run("executor-test", repair);
        events.flush();
        MockVaadin.clientRoundtrip(false);
        assertThat(alertFor(clusterId)).as("repaired").isFalse();
        assertThat(_find(Button.class, spec -> spec.withText("Repair"))).as("nothing left to repair").isEmpty();
    }

    private boolean alertFor(String id) {
        return _find(Anchor.class, spec -> spec.withClasses("sb-alert"))
                .stream().anyMatch(a -> a.getText().startsWith("Safety stop on " + id));
    }
}
