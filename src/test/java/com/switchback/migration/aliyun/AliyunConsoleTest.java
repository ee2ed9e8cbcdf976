package com.switchback.migration.aliyun;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.switchback.KaribuTest;
import com.switchback.TestUsers;
import com.switchback.approval.ApprovalService;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationExecutor;
import com.switchback.migration.MigrationMonitor;
import com.switchback.migration.MigrationService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A DBA runs actions on an Alibaba Cloud cluster through the console, against the PolarDB API stand-in. */
class AliyunConsoleTest extends KaribuTest {

    private static final FakePolarDb FAKE = FakePolarDb.shared();

    @Autowired FleetDiscovery discovery;
    @Autowired AliyunBackend backend;
    @Autowired MigrationMonitor monitor;
    @Autowired MigrationService service;
    @Autowired ApprovalService approvals;
    @Autowired MigrationExecutor executor;
    @Autowired MigrationEvents events;
    @Autowired JdbcClient jdbc;

    @DynamicPropertySource
    static void account(DynamicPropertyRegistry r) {
        FAKE.register(r);
    }

    @BeforeEach
    void clean() {
        com.switchback.TestFleet.closeOpenRequests(jdbc);
        FAKE.reset();
    }

    @Test
    void aRollBackWithEndpointsRequestedInTheConsoleRunsOnAlibabaCloud() {
        String id = cluster("POLARDB2RDS_SYNCING");
        open(id);
        _get(Span.class, spec -> spec.withText("Backend: aliyun"));
        // Verify Data says up front why it is not offered here (DD015: logical replication carries no statements).
        com.github.mvysny.kaributesting.v10.LocatorJ._assertDisabled(_get(Button.class, spec -> spec.withText("Verify Data")));
        _get(Span.class, spec -> spec.withPredicate(s -> s.getText().startsWith("Verify Data on Alibaba Cloud needs "
                + "read-only MySQL accounts for both the source RDS instance and the PolarDB cluster; none are configured "
                + "for this cluster")));
        _click(_get(Button.class, spec -> spec.withText("Roll Back Migration")));
        Dialog dialog = _get(Dialog.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> option = _get(dialog, RadioButtonGroup.class);
        _setValue(option, true);
        _setValue(_get(dialog, TextArea.class), "Errors after the switch over");
        _click(_get(dialog, Button.class, spec -> spec.withClasses("sb-confirm")));

        runToTheEnd(id);

        assertThat(FAKE.changes).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("Action", "ModifyDBClusterMigration")
                .containsEntry("NewMasterInstanceId", "rm-" + id.substring(3))
                .containsEntry("SwapConnectionString", "true"));
        var status = _get(com.vaadin.flow.component.Component.class, spec -> spec.withAttribute("data-fact", "Status"));
        assertThat(BasicUtilsKt.get_textRecursively(status)).contains("RDS2POLARDB_SYNCING");
        var rds = _get(com.vaadin.flow.component.Component.class,
                spec -> spec.withAttribute("data-fact", "Source RDS Read/Write Status"));
        assertThat(BasicUtilsKt.get_textRecursively(rds).strip()).isEqualTo("Read/Write");
        assertThat(FAKE.badSignatures).hasValue(0);
    }

    /** Every action and option, clicked in the console, reaches Alibaba Cloud with the parameters it means. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "SWITCH_OVER, true, RDS2POLARDB_SYNCING, POLARDB2RDS_SYNCING",
            "SWITCH_OVER, false, RDS2POLARDB_SYNCING, POLARDB2RDS_SYNCING",
            "ROLL_BACK, true, POLARDB2RDS_SYNCING, RDS2POLARDB_SYNCING",
            "ROLL_BACK, false, POLARDB2RDS_SYNCING, RDS2POLARDB_SYNCING",
            "CANCEL, , RDS2POLARDB_SYNCING, NO_MIGRATION",
            "COMPLETE, , POLARDB2RDS_SYNCING, NO_MIGRATION"})
    void eachActionRunsFromTheConsoleToTheEnd(MigrationAction action, Boolean swap, String from, String to) {
        String id = cluster(from);
        open(id);
        _click(_get(Button.class, spec -> spec.withText(action.title())));
        Dialog dialog = _get(Dialog.class);
        if (swap != null) {
            @SuppressWarnings("unchecked")
            RadioButtonGroup<Boolean> option = _get(dialog, RadioButtonGroup.class);
            _setValue(option, swap);
        }
        _setValue(_get(dialog, TextArea.class), "Console test of " + action.title());
        _click(_get(dialog, Button.class, spec -> spec.withClasses("sb-confirm")));

        runToTheEnd(id);

        String rds = "rm-" + id.substring(3);
        assertThat(FAKE.changes).singleElement().satisfies(p -> {
            switch (action) {
                case SWITCH_OVER, ROLL_BACK -> assertThat(p).containsEntry("Action", "ModifyDBClusterMigration")
                        .containsEntry("NewMasterInstanceId", action == MigrationAction.SWITCH_OVER ? id : rds)
                        .containsEntry("SourceRDSDBInstanceId", rds)
                        .containsEntry("SwapConnectionString", String.valueOf(swap));
                case CANCEL, COMPLETE -> assertThat(p).containsEntry("Action", "CloseDBClusterMigration")
                        .containsEntry("ContinueEnableBinlog", "true");
            }
        });
        var status = _get(com.vaadin.flow.component.Component.class, spec -> spec.withAttribute("data-fact", "Status"));
        assertThat(BasicUtilsKt.get_textRecursively(status)).contains(to);
    }

    @Test
    void cancelAsksWhetherToKeepBinaryLoggingAndPassesTheAnswerOn() {
        String id = cluster("RDS2POLARDB_SYNCING");
        open(id);
        _click(_get(Button.class, spec -> spec.withText("Cancel Migration")));
        Dialog dialog = _get(Dialog.class);
        Checkbox keep = _get(dialog, Checkbox.class, spec -> spec.withLabel("Keep binary logging on (ContinueEnableBinlog)"));
        assertThat(keep.getValue()).as("on by default").isTrue();
        assertThat(keep.getHelperText()).isEqualTo("Turning it off restarts the PolarDB cluster.");
        _setValue(keep, false);
        _setValue(_get(dialog, TextArea.class), "Wrong target cluster");
        _click(_get(dialog, Button.class, spec -> spec.withClasses("sb-confirm")));

        runToTheEnd(id);

        assertThat(FAKE.changes).singleElement().satisfies(p -> assertThat(p)
                .containsEntry("Action", "CloseDBClusterMigration").containsEntry("ContinueEnableBinlog", "false"));
        assertThat(_find(Dialog.class)).isEmpty();
    }

    @Test
    void aRegionThatCannotBeReachedIsShownOnTheClustersView() {
        FAKE.unavailableRegions.add(FakePolarDb.REGION);
        discovery.discover();
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters");
        _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withPredicate(d -> d.getText() != null
                && d.getText().startsWith("aliyun: region cn-hangzhou cannot be reached: The PolarDB OpenAPI failed")
                && d.getText().contains("[ServiceUnavailable]")));

        FAKE.unavailableRegions.clear();
        discovery.discover();
        UI.getCurrent().navigate("requests");
        UI.getCurrent().navigate("clusters");
        assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withPredicate(d -> d.getText() != null
                && d.getText().contains("cannot be reached")))).isEmpty();
    }

    @Test
    void aMajorVersionUpgradeShowsItsSourceAsPolarDb() {
        String id = cluster("RDS2POLARDB_SYNCING");
        FAKE.clusters.get(id).srcDbType = "PolarDBMySQL";
        backend.read(id);
        monitor.poll(id);
        open(id);
        assertThat(_find(Span.class, spec -> spec.withText("Source PolarDB"))).hasSize(1);
        assertThat(_find(Span.class, spec -> spec.withText("Source PolarDB Read/Write Status"))).hasSize(1);
        assertThat(_find(Span.class, spec -> spec.withText("Source RDS"))).isEmpty();
    }

    private String cluster(String status) {
        String id = "pc-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        FAKE.add(id, status);
        discovery.discover(AliyunBackend.NAME, id);
        return id;
    }

    private void open(String clusterId) {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters/" + clusterId);
        _get(H2.class, spec -> spec.withText(clusterId));
    }

    /** Another team lead approves; the executor runs the request; the view hears of it. */
    private void runToTheEnd(String clusterId) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.loginAs("lead2", "TEAM_LEAD");
        long request = service.overview(clusterId).orElseThrow().openRequest().orElseThrow().id();
        approvals.approve(request, "Go ahead");
        SecurityContextHolder.getContext().setAuthentication(auth);
        executor.claimReadyRequests();
        await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(jdbc.sql(
                "select state from migration_request where id = :id").param("id", request).query(String.class).single()));
        monitor.poll(clusterId);
        events.flush();
        MockVaadin.clientRoundtrip(false);
    }
}
