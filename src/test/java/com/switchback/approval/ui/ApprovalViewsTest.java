package com.switchback.approval.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._clickItem;
import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertDisabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.switchback.KaribuTest;
import com.switchback.base.ui.NavigationBadges;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestState;
import com.switchback.migration.simulated.SimulatedBackend;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/** The team lead's inbox and the requests history, as people use them. */
class ApprovalViewsTest extends KaribuTest {

    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;
    @Autowired MigrationService migrations;
    @Autowired MigrationEvents events;

    private TestFleet fleet;

    @BeforeEach
    void setUp() {
        fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
    }

    @Test
    void aNewRequestAppearsInTheOpenInboxWithItsPlanAndIsApproved() {
        login("lead2", "TEAM_LEAD");
        UI.getCurrent().navigate("approvals");
        ApprovalsView view = _get(ApprovalsView.class);
        assertThat(_findAll(view.grid)).isEmpty();
        assertThat(NavigationBadges.shown("approvals")).as("no badge at zero").isEmpty();

        String id = fleet.create("POLARDB2RDS_SYNCING", 6);
        long r = requestAs("dba", "DBA", id, MigrationAction.ROLL_BACK, "Checkout errors since the switch");
        events.flush();
        MockVaadin.clientRoundtrip(false);

        // The team lead is told of the request wherever they are, from the one catalogue of events.
        var made = _get(com.vaadin.flow.component.notification.Notification.class, spec -> spec.withClasses("sb-notice"));
        assertThat(_get(made, Span.class, spec -> spec.withPredicate(x -> x.getText().startsWith("dba asks")))
                .getText()).startsWith("dba asks for Roll Back Migration on " + id + " (request #" + r + ")");
        com.github.mvysny.kaributesting.v10.NotificationsKt.clearNotifications();

        assertThat(_findAll(view.grid)).extracting(MigrationRequest::id).containsExactly(r);
        assertThat(NavigationBadges.shown("approvals")).contains(1);
        _clickItem(view.grid, 0);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("approvals/" + r);
        assertThat(view.grid.getSelectedItems()).extracting(MigrationRequest::id).as("the row stays marked").containsExactly(r);
        _get(Span.class, spec -> spec.withText("✓ Allowed in the current status — Status POLARDB2RDS_SYNCING"));
        _get(Span.class, spec -> spec.withText("✓ Read/write modes — Source RDS Read Only, PolarDB Read/Write"));
        _get(Span.class, spec -> spec.withPredicate(s -> s.getText().startsWith("✓ Migration window open")));
        assertThat(_find(ListItem.class)).extracting(ListItem::getText)
                .contains("Set PolarDB read-only and read it back", "Set Source RDS read-write");

        _setValue(view.panel.comment, "Agreed with the checkout team");
        _click(view.panel.approve);
        expectNotifications("Request #" + r + " approved: the migration service runs it now.");
        assertThat(migrations.findRequest(r).orElseThrow().state()).isEqualTo(RequestState.APPROVED);
        assertThat(_findAll(view.grid)).isEmpty();
        assertThat(_get(view.panel, Span.class, spec -> spec.withClasses("sb-request-state")).getText())
                .as("the request page stays open, showing the decision").isEqualTo("APPROVED");
        var follow = _get(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withClasses("sb-follow-run"));
        assertThat(follow.getText()).isEqualTo("Follow the run of request #" + r + " on " + id);
        assertThat(follow.getHref()).isEqualTo("clusters/" + id);
    }

    @Test
    void aTeamLeadCannotApproveTheirOwnRequestInTheInbox() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 6);
        long r = requestAs("lead", "TEAM_LEAD", id, MigrationAction.CANCEL, "Wrong cluster");
        login("lead", "TEAM_LEAD");
        UI.getCurrent().navigate("approvals");
        ApprovalsView view = _get(ApprovalsView.class);
        UI.getCurrent().navigate("approvals/" + r);
        _assertDisabled(view.panel.approve);
        _assertDisabled(view.panel.reject);
        _get(Span.class, spec -> spec.withText("You made this request: another team lead must decide on it."));
        assertThat(view.panel.comment.isReadOnly()).as("nothing to write where nothing can be decided").isTrue();
        assertThat(NavigationBadges.shown("approvals")).as("own request: no approvals badge").isEmpty();
        assertThat(NavigationBadges.shown("requests")).as("but a Requests badge for the open request").contains(1);
        assertThat(view.grid.getColumns().get(3).getHeaderText()).isEqualTo("Requested by");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(view.grid, 0).get(3))
                .isEqualTo("lead (yours)");
    }

    @Test
    void aRejectionWithoutACommentIsRefusedWithAMessage() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 6);
        long r = requestAs("dba", "DBA", id, MigrationAction.SWITCH_OVER, "Planned");
        login("lead", "TEAM_LEAD");
        UI.getCurrent().navigate("approvals");
        ApprovalsView view = _get(ApprovalsView.class);
        UI.getCurrent().navigate("approvals/" + r);
        _click(view.panel.reject);
        // Said on the field, not in a toast; nothing was sent.
        assertThat(view.panel.comment.isInvalid()).isTrue();
        assertThat(view.panel.comment.getErrorMessage()).isEqualTo("Say why you reject it: a comment is required.");
        expectNotifications();
        assertThat(migrations.findRequest(r).orElseThrow().state()).isEqualTo(RequestState.PENDING);
        _setValue(view.panel.comment, "Not during the sale");
        assertThat(view.panel.comment.isInvalid()).isFalse();
        _click(view.panel.reject);
        assertThat(migrations.findRequest(r).orElseThrow().state()).isEqualTo(RequestState.REJECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DBA", "AUDITOR", "ADMIN"})
    void onlyTeamLeadsSeeTheInbox(String role) {
        login("someone", role);
        assertAccessDenied("approvals", ApprovalsView.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DBA", "TEAM_LEAD", "AUDITOR", "ADMIN"})
    void everyRoleReadsTheRequestsAndTheirTimelines(String role) {
        String id = fleet.create("RDS2POLARDB_SYNCING", 6);
        long r = requestAs("dba", "DBA", id, MigrationAction.CANCEL, "Timeline test");
        login("someone", role);
        UI.getCurrent().navigate("requests");
        RequestsView view = _get(RequestsView.class);
        _setValue(view.cluster, id);
        assertThat(_fetch(view.grid, 0, 50)).extracting(MigrationRequest::id).containsExactly(r);
        _setValue(view.state, RequestState.REJECTED);
        assertThat(_fetch(view.grid, 0, 50)).isEmpty();
        _setValue(view.state, RequestState.PENDING);
        _clickItem(view.grid, 0);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("requests/" + r);
        assertThat(_findAll(view.panel.timeline)).extracting(e -> e.action()).containsExactly("request.created");
        assertThat(_findAll(view.panel.timeline).get(0).details()).isEqualTo("Cancel Migration. Reason: Timeline test Checks: 7 passed, 0 failed.");
        // The list keeps its filters beside the open request.
        assertThat(view.cluster.getValue()).isEqualTo(id);
        assertThat(view.state.getValue()).isEqualTo(RequestState.PENDING);
        assertThat(view.grid.getSelectedItems()).extracting(MigrationRequest::id).containsExactly(r);
    }

    @Test
    void everyRequestHasItsOwnAddressWithItsPlanStepsAndTimeline() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 6);
        long r = requestAs("dba", "DBA", id, MigrationAction.CANCEL, "Its own page");
        login("auditor", "AUDITOR");
        UI.getCurrent().navigate("requests/" + r);
        RequestsView view = _get(RequestsView.class);
        _get(view.panel, com.vaadin.flow.component.html.H3.class, spec -> spec.withText("Request #" + r + ": Cancel Migration"));
        assertThat(_get(view.panel, Span.class, spec -> spec.withClasses("sb-request-state")).getText()).isEqualTo("PENDING");
        assertThat(_get(view.panel, com.vaadin.flow.component.html.Anchor.class, spec -> spec.withClasses("sb-request-cluster"))
                .getHref()).isEqualTo("clusters/" + id);
        _get(view.panel, Span.class, spec -> spec.withPredicate(s -> s.getText().startsWith("✓ Allowed in the current status")));
        assertThat(_find(view.panel, com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Approve")))
                .as("an auditor reads, never decides").isEmpty();
        // An auditor follows an event of the timeline to its own page in the audit trail.
        assertThat(_findAll(view.panel.timeline)).hasSize(1);

        UI.getCurrent().navigate("requests/999999999");
        _get(view.panel, com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withText("There is no request #999999999. The address may be mistyped, or the link is from another Switchback."));
        assertThat(view.grid.getSelectedItems()).isEmpty();
    }

    @Test
    void aTeamLeadDecidesOnTheRequestPageAndTheRequesterWithdrawsThere() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 6);
        long r = requestAs("dba", "DBA", id, MigrationAction.CANCEL, "Withdraw me");
        login("dba", "DBA");
        UI.getCurrent().navigate("requests/" + r);
        RequestsView view = _get(RequestsView.class);
        assertThat(_find(view.panel, com.vaadin.flow.component.button.Button.class, spec -> spec.withText("Approve"))).isEmpty();
        _click(view.panel.withdraw);
        expectNotifications("Request #" + r + " withdrawn.");
        assertThat(_get(view.panel, Span.class, spec -> spec.withClasses("sb-request-state")).getText()).isEqualTo("WITHDRAWN");
        assertThat(view.panel.steps.hasClassName("sb-steps-not-run")).as("a request that never ran: its steps greyed out").isTrue();

        long other = requestAs("dba", "DBA", id, MigrationAction.CANCEL, "Decide me");
        login("lead2", "TEAM_LEAD");
        UI.getCurrent().navigate("requests/" + other);
        view = _get(RequestsView.class);
        _setValue(view.panel.comment, "Fine");
        _click(view.panel.approve);
        assertThat(migrations.findRequest(other).orElseThrow().state()).isEqualTo(RequestState.APPROVED);
    }

    @Autowired com.switchback.approval.ApprovalService approvalService;

    @Test
    void theRequesterIsToldOfTheDecisionOnWhateverPageTheyAreOnWithALink() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 6);
        long r = requestAs("dba", "DBA", id, MigrationAction.CANCEL, "Notice test");
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        assertThat(_find(com.vaadin.flow.component.notification.Notification.class,
                spec -> spec.withClasses("sb-notice"))).as("nothing old is shown").isEmpty();

        var notice = rejectedByLead2(r);
        assertThat(notice.getThemeNames()).contains("warning");
        assertThat(_get(notice, Span.class, spec -> spec.withPredicate(x -> x.getText().startsWith("Request #")))
                .getText()).isEqualTo("Request #" + r + " (Cancel Migration on " + id + ") was rejected by lead2 "
                + "(\u201cNot during the sale\u201d). ");
        assertThat(_get(notice, com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("Open")).getHref())
                .isEqualTo("requests/" + r);
        assertThat(badgeFor("requests")).as("no open request left").isEmpty();
    }

    @Test
    void aNoticeIsSaidInItsReadersLanguage() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 7);
        long r = requestAs("dba", "DBA", id, MigrationAction.CANCEL, "Notice in Chinese");
        login("dba", "DBA");
        UI.getCurrent().setLocale(com.switchback.base.i18n.Messages.CHINESE);
        UI.getCurrent().navigate("clusters");

        var notice = rejectedByLead2(r);
        assertThat(_get(notice, Span.class, spec -> spec.withPredicate(x -> x.getText().startsWith("申请 #")))
                .getText()).isEqualTo("申请 #" + r + "（" + id + " 上的取消迁移）已拒绝，操作人 lead2（“Not during the sale”）。 ");
        assertThat(_get(notice, com.vaadin.flow.component.html.Anchor.class, spec -> spec.withText("打开")).getHref())
                .isEqualTo("requests/" + r);
    }

    /** lead2 rejects the request elsewhere; the notice it gives this page. */
    private com.vaadin.flow.component.notification.Notification rejectedByLead2(long r) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.loginAs("lead2", "TEAM_LEAD");
        approvalService.reject(r, "Not during the sale");
        SecurityContextHolder.getContext().setAuthentication(auth);
        events.flush();
        MockVaadin.clientRoundtrip(false);
        return _get(com.vaadin.flow.component.notification.Notification.class, spec -> spec.withClasses("sb-notice"));
    }

    private static java.util.Optional<String> badgeFor(String path) {
        return _find(com.vaadin.flow.component.sidenav.SideNavItem.class).stream()
                .filter(i -> path.equals(i.getPath()) && i.getSuffixComponent() instanceof Span s && s.isVisible())
                .map(i -> ((Span) i.getSuffixComponent()).getText()).findFirst();
    }

    private long requestAs(String user, String role, String clusterId, MigrationAction action, String reason) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.loginAs(user, role);
        try {
            return migrations.request(clusterId, action, true, reason).id();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(auth);
        }
    }

}
