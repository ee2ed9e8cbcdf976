package com.switchback.cluster.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertDisabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertEnabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.switchback.KaribuTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationExecutor;
import com.switchback.migration.MigrationMonitor;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestState;
import com.switchback.migration.StepRecord;
import com.switchback.migration.simulated.SimulatedBackend;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cluster view and its RDS Migration section, as each role sees and uses it. */
class ClusterViewTest extends KaribuTest {

    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;
    @Autowired MigrationExecutor executor;
    @Autowired MigrationMonitor monitor;
    @Autowired MigrationEvents events;
    @Autowired MigrationService service;
    @Autowired com.switchback.approval.ApprovalService approvals;

    private TestFleet fleet;

    @BeforeEach
    void setUp() {
        fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
    }

    @Test
    void anUnknownClusterShowsANotFoundView() {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters/pc-nosuchcluster");
        _get(H2.class, spec -> spec.withText("Cluster not found"));
        _get(Paragraph.class, spec -> spec.withText("There is no cluster with the id \"pc-nosuchcluster\". "
                + "It may have been removed, or the address is mistyped."));
    }

    @Test
    void aHostileIdIsShownAsTextAndFindsNothing() {
        login("dba", "DBA");
        String hostile = "<img src=x onerror=alert(1)>";
        UI.getCurrent().navigate("clusters/" + java.net.URLEncoder.encode(hostile, java.nio.charset.StandardCharsets.UTF_8));
        _get(H2.class, spec -> spec.withText("Cluster not found"));
        assertThat(_find(com.vaadin.flow.component.html.Image.class)).isEmpty();
    }

    @Test
    void basicInformationShowsTheClusterAndBothSidesEndpoints() {
        String id = fleet.create("POLARDB2RDS_SYNCING", 7);
        open(id, "dba", "DBA");
        assertThat(fact("Cluster ID")).isEqualTo(id);
        assertThat(fact("Region")).isEqualTo("cn-hangzhou");
        assertThat(fact("Engine")).isEqualTo("MySQL 8.0");
        @SuppressWarnings("unchecked")
        Grid<com.switchback.migration.Endpoint> endpoints = _get(Grid.class,
                spec -> spec.withPredicate(g -> g.getColumns().size() == 7));
        assertThat(_fetch(endpoints, 0, 10)).extracting(e -> e.side().name())
                .containsExactlyInAnyOrder("RDS", "POLARDB", "POLARDB");
        assertThat(_fetch(endpoints, 0, 10)).allMatch(e -> e.port() == 3306 && !e.connectionString().isEmpty());
        // Switched over with endpoints: the endpoint named after RDS routes to PolarDB, and says so.
        assertThat(_fetch(endpoints, 0, 10)).filteredOn(e -> e.side() == com.switchback.migration.Endpoint.Side.RDS)
                .extracting(e -> e.routesTo()).containsExactly(com.switchback.migration.Endpoint.Side.POLARDB);
    }

    @Test
    void theMigrationSectionShowsTheLiveStatus() {
        String id = fleet.create("POLARDB2RDS_SYNCING", 7);
        open(id, "dba", "DBA");
        assertThat(fact("Status")).isEqualTo("POLARDB2RDS_SYNCING — Switched over");
        assertThat(fact("Replication Latency")).isEqualTo("7 s");
        assertThat(fact("Source RDS")).isEqualTo("rm-" + id.substring(3));
        assertThat(fact("Source RDS Read/Write Status")).isEqualTo("Read Only");
        assertThat(fact("PolarDB Read/Write Status")).isEqualTo("Read/Write");
        assertThat(fact("Sync Direction")).isEqualTo("PolarDB → RDS");
        assertThat(fact("Window Expires")).contains(" UTC — in ").endsWith(" (the link closes automatically then)");
    }

    @Test
    void anExceptionCommentIsShownAsABanner() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 7);
        simulated.breakLink(id);
        monitor.poll(id);
        open(id, "dba", "DBA");
        assertThat(_find(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withText("Exception: Replication stopped: Error 1062 Duplicate entry '10442' for key "
                        + "'PRIMARY' on table orders.order_item."))).hasSize(1);
        assertThat(fact("Replication Latency")).isEqualTo("Not measured");
    }

    @Test
    void buttonsFollowTheStateMachineAndSayWhyTheyAreDisabled() {
        String id = fleet.create("POLARDB2RDS_SYNCING", 7);
        open(id, "dba", "DBA");
        _assertEnabled(button("Roll Back Migration"));
        _assertEnabled(button("Complete Migration"));
        _assertDisabled(button("Switch Over"));
        _assertDisabled(button("Cancel Migration"));
        assertThat(button("Switch Over").getTooltip().getText())
                .isEqualTo("Switch Over is only possible while the status is RDS2POLARDB_SYNCING; it is POLARDB2RDS_SYNCING. "
                        + "Already switched over: Complete the migration, or Roll Back.");
        _get(Span.class, spec -> spec.withText("Cancel Migration is only possible while the status is "
                + "RDS2POLARDB_CLONING or RDS2POLARDB_SYNCING; it is POLARDB2RDS_SYNCING. After a switch over, "
                + "Complete the migration, or Roll Back first."));
    }

    @Test
    void aRunningRequestShowsWhichStepOfHowManyAndForHowLong() throws Exception {
        String id = fleet.create("RDS2POLARDB_SYNCING", 7);
        var entered = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        simulated.faults().holdStep(id, "begin", entered, release);
        try {
            long r = com.switchback.migration.TestExecutor.approvedRequest(service, approvals, id,
                    MigrationAction.SWITCH_OVER, true);
            executor.claimReadyRequests();
            assertThat(entered.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            open(id, "dba", "DBA");
            _get(Span.class, spec -> spec.withPredicate(s -> s.getText().startsWith(
                    "Step 2 of 8: Mark the migration SWITCHING — running for ")));
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
                "select state from migration_request where cluster_id = :c").param("c", id).query(String.class).single()
                .equals("SUCCEEDED"));
    }

    @Test
    void theRollBackDialogShowsWhereEachEndpointRoutesNowAndAfterAndWhatTheApplicationMustDo() {
        // Switched over without moving the endpoints: each still routes to its own side.
        String id = fleet.create("POLARDB2RDS_SYNCING", 7);
        simulated.pointEndpoints(id, false);
        monitor.poll(id);
        open(id, "dba", "DBA");
        _click(button("Roll Back Migration"));
        Dialog dialog = _get(Dialog.class);
        _get(dialog, Paragraph.class, spec -> spec.withText("Roll back before the migration is complete, when you detect "
                + "data exceptions. Afterwards: RDS2POLARDB_SYNCING — Source RDS Read/Write, PolarDB Read Only."));
        @SuppressWarnings("unchecked")
        Grid<com.switchback.migration.EndpointPicture.Row> endpoints = _get(dialog, Grid.class,
                spec -> spec.withClasses("sb-endpoint-grid"));
        assertThat(_fetch(endpoints, 0, 10)).extracting(r -> r.endpoint().side() + " now " + r.routesNow())
                .contains("RDS now RDS", "POLARDB now POLARDB");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> option = _get(dialog, RadioButtonGroup.class);

        // With endpoints: they swap from where they route now, so the PolarDB endpoint will reach RDS.
        _setValue(option, true);
        assertThat(_fetch(endpoints, 0, 10)).extracting(r -> r.endpoint().side() + " after " + r.routesAfter()
                        + " " + r.modeAfter())
                .contains("RDS after POLARDB ro", "POLARDB after RDS rw");
        _get(dialog, Paragraph.class, spec -> spec.withText("Nothing to change in the application: the endpoint it "
                + "writes through will reach Source RDS once the endpoints are swapped; its connections are closed "
                + "once and must reconnect."));

        // Without: writes fail until the application is re-pointed.
        _setValue(option, false);
        Paragraph advice = _get(dialog, Paragraph.class, spec -> spec.withClasses("sb-banner-warning"));
        assertThat(advice.getText()).startsWith("Change the application's connection string to ")
                .contains("rds.aliyuncs.com:3306").contains("writes fail from the moment the other side becomes read-only");
    }

    @Test
    void switchOverIsDisabledWhileLatencyIsTooHigh() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 95);
        open(id, "lead", "TEAM_LEAD");
        _assertDisabled(button("Switch Over"));
        _assertEnabled(button("Cancel Migration"));
        _get(Span.class, spec -> spec.withText("Replication latency is 95 s: Switch Over needs it under 60 s."));
    }

    @Test
    void anUnknownStatusIsShownRawAndAllowsNothing() {
        String id = fleet.create("PRECHECK_FAILED", 7);
        open(id, "dba", "DBA");
        assertThat(fact("Status")).isEqualTo("PRECHECK_FAILED — Unknown status");
        for (MigrationAction a : MigrationAction.VENDOR) {
            _assertDisabled(button(a.title()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUDITOR", "ADMIN"})
    void rolesThatMayNotActSeeEveryButtonDisabledWithTheReason(String role) {
        String id = fleet.create("POLARDB2RDS_SYNCING", 7);
        open(id, "someone", role);
        for (MigrationAction a : MigrationAction.VENDOR) {
            _assertDisabled(button(a.title()));
        }
        assertThat(_find(Span.class, spec -> spec.withText("Your role can view migrations but not act on them.")))
                .hasSize(4);
    }

    @Test
    void theRollBackDialogOffersBothOptionsWithTheirExplanations() {
        String id = fleet.create("POLARDB2RDS_SYNCING", 7);
        open(id, "dba", "DBA");
        _click(button("Roll Back Migration"));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Switches the business back to the original database");
        _get(Span.class, spec -> spec.withText("Switch Back with Endpoints (Connection Changes Not Required)"));
        _get(Span.class, spec -> spec.withText("Switch Back without Endpoints (Connection Changes Required)"));
        assertThat(text(_get(Span.class, spec -> spec.withClasses("sb-option-help")
                .withPredicate(s -> s.getText().startsWith("The system swaps the endpoints between the source RDS instance and the PolarDB cluster, from wherever they route now")))))
                .contains("nothing needs to change in the application");
        assertThat(_find(Span.class, spec -> spec.withClasses("sb-option-help"))).extracting(Span::getText)
                .anyMatch(t -> t.contains("change the application's database endpoint to the source RDS instance's endpoint"));
        _assertDisabled(_get(dialog, Button.class, spec -> spec.withClasses("sb-confirm")));
        assertThat(_get(dialog, Button.class, spec -> spec.withClasses("sb-confirm")).getText())
                .as("the button says what it does: it asks, nothing runs yet").isEqualTo("Request rollback");
        assertThat(_get(dialog, Span.class, spec -> spec.withClasses("sb-dialog-cluster")).getText()).startsWith(id);
        _get(dialog, Paragraph.class, spec -> spec.withText("Nothing changes until a team lead approves this request."));
        // A typed reason is not dropped by Escape without asking.
        _setValue(_get(dialog, TextArea.class), "Typed, then Escape");
        com.vaadin.flow.component.ComponentUtil.fireEvent(dialog, new Dialog.DialogCloseActionEvent(dialog, true));
        var discard = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(dialog.isOpened()).isTrue();
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(discard);
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(service.overview(id).orElseThrow().latestRequest()).isEmpty();
        open(id, "dba", "DBA");
        _click(button("Roll Back Migration"));
        dialog = _get(Dialog.class);
        _click(_get(dialog, Button.class, spec -> spec.withText("Close")));
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(service.overview(id).orElseThrow().latestRequest()).isEmpty();
    }

    @Test
    void okNeedsAReasonAndTheRequestThenWaitsForApprovalWhereItsRequesterCanWithdrawIt() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 7);
        open(id, "dba", "DBA");
        _click(button("Cancel Migration"));
        Dialog dialog = _get(Dialog.class);
        Button ok = _get(dialog, Button.class, spec -> spec.withClasses("sb-confirm"));
        _assertDisabled(ok);
        assertThat(_find(dialog, com.vaadin.flow.component.checkbox.Checkbox.class,
                spec -> spec.withPredicate(c -> c.getLabel().startsWith("Emergency"))))
                .as("no emergency path by default").isEmpty();
        _setValue(_get(dialog, TextArea.class), "   ");
        _assertDisabled(ok);
        giveReason(dialog);
        _click(ok);

        _get(Span.class, spec -> spec.withPredicate(s -> s.getText().startsWith(
                "Reason: Application errors after the switch — Waiting for a team lead's approval until ")));
        for (MigrationAction a : MigrationAction.VENDOR) {
            _assertDisabled(button(a.title()));
        }
        // Why, said once above the buttons rather than under each of them.
        _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("sb-locked").withPredicate(d -> d.getText()
                .matches("Request #\\d+ \\(Cancel Migration\\) is pending — actions locked until it is decided\\.")));
        assertThat(_find(Span.class, spec -> spec.withClasses("sb-reason")).stream().map(Span::getText)
                .filter(t -> t.startsWith("Request #"))).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withClasses("sb-request-state")).getText()).isEqualTo("PENDING");
        _click(button("Withdraw request"));
        events.flush();
        MockVaadin.clientRoundtrip(false);
        assertThat(getNotifications()).extracting(this::notificationText).as("one message, not a green and a red one")
                .filteredOn(t -> t.contains("withdrawn")).singleElement().satisfies(t -> assertThat(t).endsWith(" withdrawn."));
        _get(Span.class, spec -> spec.withPredicate(s -> s.getText().contains("— Withdrawn by dba at ")));
        _assertEnabled(button("Cancel Migration"));
        assertThat(_find(Button.class, spec -> spec.withText("Withdraw request"))).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withClasses("sb-request-state")).getText()).isEqualTo("WITHDRAWN");
        assertThat(_find(com.vaadin.flow.component.grid.Grid.class).stream().anyMatch(g -> g.hasClassName("sb-steps-not-run")))
                .as("the plan of a request that never ran is greyed out").isTrue();
    }

    @Test
    void theCancelDialogAsksForConfirmation() {
        String id = fleet.create("RDS2POLARDB_CLONING", -1);
        open(id, "dba", "DBA");
        _click(button("Cancel Migration"));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Cancel Migration");
        assertThat(_get(dialog, Paragraph.class, spec -> spec.withPredicate(p -> p.getText().startsWith(
                "Are you sure you want to cancel the migration?"))).getText())
                .contains("kept, with its data, as an independent read-write cluster");
        _get(dialog, Paragraph.class, spec -> spec.withText("Cancel when you want to permanently stop the migration. "
                + "Afterwards: NO_MIGRATION — Source RDS Read/Write; PolarDB an independent Read/Write cluster."));
        _get(dialog, Paragraph.class, spec -> spec.withPredicate(p -> p.getText().startsWith(
                "No endpoint moves. Keep writing to the source RDS instance (rm-")));
        assertThat(_get(dialog, Button.class, spec -> spec.withClasses("sb-confirm")).getText())
                .isEqualTo("Request cancellation");
        _get(dialog, Button.class, spec -> spec.withText("Close"));
    }

    @Test
    void theSwitchOverDialogShowsTheLatencyPreconditionAndTheEndpointChoice() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 12);
        open(id, "dba", "DBA");
        _click(button("Switch Over"));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Switch Over");
        _get(dialog, Span.class, spec -> spec.withText("Precondition: replication latency under 60 s. Now: 12 s ✓"));
        _get(dialog, Span.class, spec -> spec.withText("Swap Endpoints (Connection Changes Not Required)"));
        _get(dialog, Span.class, spec -> spec.withText("Do Not Swap Endpoints (Connection Changes Required)"));
    }

    @Test
    void theCompleteDialogWarnsThatRollBackIsNoLongerPossible() {
        String id = fleet.create("POLARDB2RDS_SYNCING", 7);
        open(id, "dba", "DBA");
        _click(button("Complete Migration"));
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Complete Migration");
        _get(dialog, Paragraph.class, spec -> spec.withPredicate(p -> p.getText().contains(
                "Roll Back Migration is no longer possible")));
    }

    @Test
    void aRollBackWithEndpointsRunsToTheEndAndTheSectionFollowsItLive() {
        String id = fleet.create("POLARDB2RDS_SYNCING", 7);
        open(id, "dba", "DBA");
        confirmRollBack(true);
        assertThat(getNotifications()).extracting(this::notificationText)
                .anyMatch(t -> t.startsWith("Roll Back Migration requested (#") && t.endsWith("it waits for a team lead's approval."));
        _assertDisabled(button("Roll Back Migration"));
        assertThat(stepStates()).containsOnly("pending");

        runToTheEnd(id);

        assertThat(fact("Status")).isEqualTo("RDS2POLARDB_SYNCING — Syncing to PolarDB");
        assertThat(fact("Source RDS Read/Write Status")).isEqualTo("Read/Write");
        assertThat(fact("PolarDB Read/Write Status")).isEqualTo("Read Only");
        assertThat(fact("Sync Direction")).isEqualTo("RDS → PolarDB");
        assertThat(stepStates()).hasSize(8).containsOnly("done");
        _get(Span.class, spec -> spec.withPredicate(s -> s.getText().contains(
                "Switch Back with Endpoints (Connection Changes Not Required) · requested by dba")));
        assertThat(_get(Span.class, spec -> spec.withClasses("sb-request-state")).getText()).isEqualTo("SUCCEEDED");
        assertThat(_get(Span.class, spec -> spec.withClasses("sb-request-state")).getElement().getThemeList())
                .contains("badge", "success");
        assertThat(endpointNotices()).isEmpty();
        _get(Span.class, spec -> spec.withPredicate(s -> s.getText().startsWith("Writes paused ")
                && s.getText().contains(" ms (demotion → promotion)")));
        _assertEnabled(button("Switch Over"));
    }

    @Test
    void aRollBackWithoutEndpointsTellsTheUserToChangeTheConnectionOnceRdsIsWritable() {
        String id = fleet.create("POLARDB2RDS_SYNCING", 7);
        open(id, "dba", "DBA");
        confirmRollBack(false);
        assertThat(endpointNotices()).isEmpty();

        runToTheEnd(id);

        assertThat(fact("Source RDS Read/Write Status")).isEqualTo("Read/Write");
        assertThat(endpointNotices()).hasSize(1);
        assertThat(endpointNotices().get(0).getText()).startsWith("Source RDS is Read/Write again: update your "
                + "application's database endpoint to the source RDS instance now.");
        assertThat(getNotifications()).extracting(this::notificationText)
                .anyMatch(t -> t.startsWith("Source RDS is Read/Write again: update your application's database "
                        + "endpoint to the source RDS instance now."));
        assertThat(stepStates()).hasSize(7).containsOnly("done");
    }

    @Test
    void aCancelRunsToTheEndThroughTheUi() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 7);
        open(id, "lead", "TEAM_LEAD");
        _click(button("Cancel Migration"));
        giveReason(_get(Dialog.class));
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withClasses("sb-confirm")));

        runToTheEnd(id);

        assertThat(fact("Status")).isEqualTo("NO_MIGRATION — No migration");
        assertThat(fact("PolarDB Read/Write Status")).isEqualTo("Read/Write");
        assertThat(fact("Sync Direction")).isEqualTo("No link");
        for (MigrationAction a : MigrationAction.VENDOR) {
            _assertDisabled(button(a.title()));
        }
    }

    @Test
    void aFailedStepIsShownWithTheErrorAndTheStateLeftBehind() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 7);
        switchOverFailingAt(id, "polardb-caught-up");
        assertThat(stepStates()).containsExactly("done", "done", "done", "failed", "pending", "pending", "pending", "pending");
        _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withPredicate(d -> d.getText() != null
                && d.getText().startsWith("Step 4 \"Wait until PolarDB has applied every RDS transaction (GTID)\" failed: Injected fault")
                && d.getText().contains("State left behind: status SWITCHING; Source RDS Read Only; PolarDB Read Only")));
    }

    @Test
    void aHalfDoneActionIsRetriedFromItsFailedStepWithAReason() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 7);
        switchOverFailingAt(id, "reverse-link");
        assertThat(fact("Status")).contains("SWITCHING");
        Button retry = button("Retry from the failed step");
        assertThat(retry.isVisible()).isTrue();
        _click(retry);
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).isEqualTo("Retry Switch Over from the failed step");
        Button confirm = _get(dialog, Button.class, spec -> spec.withText("Retry"));
        _assertDisabled(confirm);
        _setValue(_get(dialog, TextArea.class), "The link is repaired");
        _click(confirm);
        assertThat(_find(Dialog.class)).isEmpty();
        assertThat(requestState(latestRequest(id))).isEqualTo(RequestState.APPROVED);

        executor.claimReadyRequests();
        long request = latestRequest(id);
        await().atMost(Duration.ofSeconds(20)).until(() -> requestState(request) == RequestState.SUCCEEDED);
        events.flush();
        MockVaadin.clientRoundtrip(false);
        assertThat(fact("Status")).contains("POLARDB2RDS_SYNCING");
        assertThat(_find(Button.class, spec -> spec.withText("Retry from the failed step"))).isEmpty();
    }

    @Test
    void onlyRolesThatMayActAreOfferedTheRetry() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 7);
        switchOverFailingAt(id, "reverse-link");
        assertThat(_find(Button.class, spec -> spec.withText("Retry from the failed step"))).hasSize(1);
        open(id, "auditor", "AUDITOR");
        assertThat(_find(Button.class, spec -> spec.withText("Retry from the failed step"))).isEmpty();
        long request = latestRequest(id);
        assertThatThrownBy(() -> service.retry(request, "Trying anyway"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    private RequestState requestState(long request) {
        return RequestState.valueOf(jdbc.sql("select state from migration_request where id = :id").param("id", request)
                .query(String.class).single());
    }

    /** A DBA asks for a Switch Over with endpoints; approved, it runs and fails at {@code stepKey}. */
    private void switchOverFailingAt(String clusterId, String stepKey) {
        simulated.faults().failStep(clusterId, stepKey);
        try {
            open(clusterId, "dba", "DBA");
            _click(button("Switch Over"));
            Dialog dialog = _get(Dialog.class);
            @SuppressWarnings("unchecked")
            RadioButtonGroup<Boolean> option = _get(dialog, RadioButtonGroup.class);
            _setValue(option, true);
            giveReason(dialog);
            _click(_get(dialog, Button.class, spec -> spec.withClasses("sb-confirm")));
            runToTheEnd(clusterId);
        } finally {
            simulated.faults().clear();
        }
    }

    private long latestRequest(String clusterId) {
        return jdbc.sql("select max(id) from migration_request where cluster_id = :c").param("c", clusterId)
                .query(Long.class).single();
    }

    @Test
    void aRequestSomeoneElseMadeMeanwhileIsRefusedWithAClearMessage() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 7);
        open(id, "dba", "DBA");
        _click(button("Cancel Migration"));
        Dialog dialog = _get(Dialog.class);

        // Another person, in another browser, asks first.
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        TestUsers.loginAs("lead", "TEAM_LEAD");
        long other = service.request(id, MigrationAction.CANCEL, false, "Cancel: wrong target cluster").id();
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);

        giveReason(dialog);
        _click(_get(dialog, Button.class, spec -> spec.withClasses("sb-confirm")));
        assertThat(getNotifications()).extracting(this::notificationText)
                .contains("Request #" + other + " (Cancel Migration) is still pending for this migration: wait until it ends.");
        assertThat(jdbc.sql("select count(*) from migration_request where cluster_id = :c").param("c", id)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aBackgroundChangeReachesTheOpenViewWithoutReloading() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 7);
        open(id, "dba", "DBA");
        _assertEnabled(button("Switch Over"));

        simulated.spikeLatency(id, 120);
        monitor.poll(id);
        events.flush();
        MockVaadin.clientRoundtrip(false);

        assertThat(fact("Replication Latency")).isEqualTo("120 s");
        _assertDisabled(button("Switch Over"));
    }

    @Test
    void theViewStopsListeningWhenItIsLeft() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 7);
        int before = events.listenerCount();
        open(id, "dba", "DBA");
        // One subscription for the whole page (LiveHub): the frame's badges, alerts and notices and both live
        // sections (migration, verification) are updated together, in one push.
        assertThat(events.listenerCount()).as("one listener per page").isEqualTo(before + 1);
        UI.getCurrent().navigate("clusters");
        // The cluster page's sections stop; the clusters list takes their place on the page's one listener.
        assertThat(events.listenerCount()).isEqualTo(before + 1);
        // Leaving the console altogether (the login page is not a view): the tab's session closes.
        MockVaadin.tearDown();
        assertThat(events.listenerCount()).isEqualTo(before);
    }

    // --- helpers: what a user does and sees ---

    private void open(String clusterId, String user, String... roles) {
        login(user, roles);
        UI.getCurrent().navigate("clusters/" + clusterId);
        _get(H2.class, spec -> spec.withText(clusterId));
    }

    private void confirmRollBack(boolean withEndpoints) {
        _click(button("Roll Back Migration"));
        Dialog dialog = _get(Dialog.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> option = _get(dialog, RadioButtonGroup.class);
        _setValue(option, withEndpoints);
        giveReason(dialog);
        _click(_get(dialog, Button.class, spec -> spec.withClasses("sb-confirm")));
        assertThat(_find(Dialog.class)).isEmpty();
    }

    private static void giveReason(Dialog dialog) {
        _setValue(_get(dialog, TextArea.class), "Application errors after the switch");
    }

    /** Another team lead approves the open request, from their own browser. */
    private void approvedByAnotherLead(String clusterId) {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        TestUsers.loginAs("lead2", "TEAM_LEAD");
        long id = service.overview(clusterId).orElseThrow().openRequest().orElseThrow().id();
        approvals.approve(id, "Go ahead");
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(auth);
    }

    /** The background service picks the request up and runs it; the view hears of each change. */
    private void runToTheEnd(String clusterId) {
        approvedByAnotherLead(clusterId);
        events.flush();
        MockVaadin.clientRoundtrip(false);
        assertThat(getNotifications()).extracting(this::notificationText)
                .as("the requester hears of the approval at once, once").filteredOn(t -> t.contains("approved by lead2"))
                .singleElement().satisfies(t -> assertThat(t).contains("was approved by lead2"));
        executor.claimReadyRequests();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var latest = jdbc.sql("select id, state from migration_request where cluster_id = :c order by id desc limit 1")
                    .param("c", clusterId)
                    .query((rs, n) -> new Object[]{rs.getLong(1), RequestState.valueOf(rs.getString(2))}).single();
            return !((RequestState) latest[1]).open() && !executor.isRunning((Long) latest[0]);
        });
        events.flush();
        MockVaadin.clientRoundtrip(false);
    }

    private Button button(String caption) {
        return _get(Button.class, spec -> spec.withText(caption));
    }

    private String fact(String label) {
        Component value = _get(Component.class, spec -> spec.withAttribute("data-fact", label));
        return text(value);
    }

    private static String text(Component c) {
        return BasicUtilsKt.get_textRecursively(c).strip();
    }

    private List<String> stepStates() {
        @SuppressWarnings("unchecked")
        Grid<StepRecord> grid = _get(Grid.class, spec -> spec.withPredicate(g -> g.getColumnByKey("state") != null));
        return _fetch(grid, 0, 50).stream().map(s -> s.state().name().toLowerCase()).toList();
    }

    private List<com.vaadin.flow.component.html.Div> endpointNotices() {
        return _find(com.vaadin.flow.component.html.Div.class,
                spec -> spec.withClasses("sb-banner-warning").withPredicate(Component::isVisible));
    }

    private String notificationText(Notification n) {
        String text = n.getElement().getProperty("text", "");
        return text.isEmpty() ? BasicUtilsKt.get_textRecursively(n) : text;
    }
}
