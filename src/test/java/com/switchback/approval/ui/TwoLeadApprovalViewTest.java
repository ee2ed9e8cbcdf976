package com.switchback.approval.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.KaribuTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.approval.ApprovalService;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.base.ActionRefusedException;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestState;
import com.switchback.migration.simulated.SimulatedBackend;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/** Approval rules: a Switch Over needs two team leads, each a different person, never the requester. */
@TestPropertySource(properties = "switchback.approval.approvals.SWITCH_OVER=2")
class TwoLeadApprovalViewTest extends KaribuTest {

    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;
    @Autowired MigrationService migrations;
    @Autowired ApprovalService approvals;

    @Test
    void aSwitchOverWaitsForASecondTeamLeadAndThePageSaysWhoIsStillNeeded() {
        String id = new TestFleet(simulated, discovery, jdbc).create("RDS2POLARDB_SYNCING", 3);
        var auth = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.loginAs("dba", "DBA");
        long r = migrations.request(id, MigrationAction.SWITCH_OVER, true, "Planned cutover").id();
        SecurityContextHolder.getContext().setAuthentication(auth);

        login("lead", "TEAM_LEAD");
        UI.getCurrent().navigate("requests/" + r);
        RequestsView view = _get(RequestsView.class);
        assertThat(_get(view.panel, Div.class, spec -> spec.withClasses("sb-approvals")).getText())
                .startsWith("Approvals: 0 of 2 — none yet. Still needed: 2 more");
        _setValue(view.panel.comment, "Checked the plan");
        _click(view.panel.approve);
        assertThat(migrations.findRequest(r).orElseThrow().state()).as("one of two").isEqualTo(RequestState.PENDING);
        assertThat(_get(view.panel, Div.class, spec -> spec.withClasses("sb-approvals")).getText())
                .startsWith("Approvals: 1 of 2 — lead at ").contains("Still needed: 1 more");
        assertThat(view.panel.approve.isEnabled()).as("nobody approves twice").isFalse();
        _get(view.panel, Span.class, spec -> spec.withText("You have approved this request: it needs 1 more approval "
                + "from other team leads."));
        UI.getCurrent().navigate("approvals");
        ApprovalsView inbox = _get(ApprovalsView.class);
        int column = inbox.grid.getColumns().indexOf(inbox.grid.getColumnByKey("approvals"));
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._findAll(inbox.grid)).extracting(x -> x.id()).contains(r);
        int row = com.github.mvysny.kaributesting.v10.GridKt._findAll(inbox.grid).stream().map(x -> x.id()).toList().indexOf(r);
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(inbox.grid, row).get(column))
                .isEqualTo("1 of 2 (yours)");
        assertThatThrownBy(() -> approvals.approve(r, "again")).isInstanceOf(ActionRefusedException.class)
                .hasMessage("You have already approved request #" + r + ": it needs another team lead's approval.");

        // Another team lead, in a page of their own.
        login("lead2", "TEAM_LEAD");
        UI.getCurrent().navigate("clusters");
        UI.getCurrent().navigate("requests/" + r);
        view = _get(RequestsView.class);
        _click(view.panel.approve);
        var approved = migrations.findRequest(r).orElseThrow();
        assertThat(approved.state()).isEqualTo(RequestState.APPROVED);
        assertThat(jdbc.sql("select details from audit_event where request_id = :r and action = 'request.approved'")
                .param("r", r).query(String.class).single()).isEqualTo("Approved by lead, lead2.");
        assertThat(jdbc.sql("select details from audit_event where request_id = :r and action = 'request.approval-recorded'")
                .param("r", r).query(String.class).single())
                .isEqualTo("Approval 1 of 2 by lead: Checked the plan. Still needed: 1 more, from another team lead.");
    }

    @Test
    void aCancelStillNeedsOneAndTheRequesterNeverCounts() {
        String id = new TestFleet(simulated, discovery, jdbc).create("RDS2POLARDB_SYNCING", 3);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        long r = migrations.request(id, MigrationAction.CANCEL, false, "Wrong cluster").id();
        assertThatThrownBy(() -> approvals.approve(r, "mine")).isInstanceOf(ActionRefusedException.class);
        TestUsers.loginAs("lead2", "TEAM_LEAD");
        approvals.approve(r, "");
        assertThat(migrations.findRequest(r).orElseThrow().state()).isEqualTo(RequestState.APPROVED);
        TestUsers.logout();
    }
}
