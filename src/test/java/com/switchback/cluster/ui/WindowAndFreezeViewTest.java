package com.switchback.cluster.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.switchback.TestFleet;
import com.switchback.approval.ui.RequestsView;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestState;
import com.switchback.migration.freeze.ui.FreezesView;
import com.switchback.migration.simulated.SimulatedBackend;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Maintenance windows and change freezes as people meet them: the action dialog, the cluster page, the lists. */
class WindowAndFreezeViewTest extends KaribuTest {

    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;
    @Autowired MigrationService service;

    private TestFleet fleet;

    @BeforeEach
    void setUp() {
        fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
    }

    @Test
    void aRequestAskedForAMaintenanceWindowShowsItInTheListWithACountdown() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 2);
        open(id);
        _click(_get(Button.class, spec -> spec.withText("Switch Over")));
        Dialog dialog = _get(Dialog.class);
        Button ok = _get(dialog, Button.class, spec -> spec.withClasses("sb-confirm"));
        _setValue(_get(dialog, RadioButtonGroup.class), true);
        _setValue(_get(dialog, TextArea.class), "Planned cutover");
        Checkbox inWindow = _get(dialog, Checkbox.class, spec -> spec.withLabel("Run only in a maintenance window"));
        _setValue(inWindow, true);
        DateTimePicker from = _get(dialog, DateTimePicker.class, spec -> spec.withLabel("From (UTC)"));
        DateTimePicker until = _get(dialog, DateTimePicker.class, spec -> spec.withLabel("Until (UTC)"));
        LocalDateTime start = LocalDateTime.now(ZoneOffset.UTC).plusHours(3).truncatedTo(ChronoUnit.HOURS);
        _setValue(from, start);
        _setValue(until, start.minusHours(1));
        assertThat(until.isInvalid()).isTrue();
        assertThat(until.getErrorMessage()).isEqualTo("The maintenance window must end after it starts.");
        assertThat(ok.isEnabled()).isFalse();
        _setValue(until, start.plusMinutes(90));
        assertThat(ok.isEnabled()).isTrue();
        _click(ok);

        MigrationRequest r = service.requests(com.switchback.migration.RequestFilter.ALL, 0, 1).getFirst();
        assertThat(r.clusterId()).isEqualTo(id);
        assertThat(r.windowStart()).isEqualTo(start.toInstant(ZoneOffset.UTC));
        assertThat(r.windowEnd()).isEqualTo(start.plusMinutes(90).toInstant(ZoneOffset.UTC));

        UI.getCurrent().navigate("requests");
        RequestsView requests = _get(RequestsView.class);
        String window = com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(requests.grid, 0)
                .get(requests.grid.getColumns().indexOf(requests.grid.getColumnByKey("window")));
        assertThat(window).startsWith(start.toString().substring(5, 10) + " " + start.toString().substring(11, 16) + "–")
                .contains("(opens in 2 h").endsWith(")");
        UI.getCurrent().navigate("requests/" + r.id());
        _get(com.vaadin.flow.component.Component.class, spec -> spec.withAttribute("data-fact", "Maintenance window"));
    }

    @Test
    void duringAFreezeTheClusterSaysSoAndAnActionNeedsTheFreezeException() {
        String id = fleet.create("RDS2POLARDB_SYNCING", 2);
        login("admin", "ADMIN");
        UI.getCurrent().navigate("freezes");
        FreezesView freezes = _get(FreezesView.class);
        _setValue(freezes.startsAt, LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1));
        _setValue(freezes.endsAt, LocalDateTime.now(ZoneOffset.UTC).plusHours(2));
        _setValue(freezes.clusters, id);
        _click(freezes.create);
        assertThat(freezes.reason.isInvalid()).isTrue();
        assertThat(freezes.reason.getErrorMessage()).isEqualTo("Say why: a reason is required.");
        _setValue(freezes.reason, "Year-end close");
        _click(freezes.create);
        assertThat(freezes.grid.getListDataView().getItems().map(f -> f.reason())).contains("Year-end close");

        open(id);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("sb-freeze")).getText()).contains("Year-end close")
                .contains("Allowed meanwhile: Roll Back Migration");
        _click(_get(Button.class, spec -> spec.withText("Switch Over")));
        Dialog dialog = _get(Dialog.class);
        Button ok = _get(dialog, Button.class, spec -> spec.withClasses("sb-confirm"));
        _setValue(_get(dialog, RadioButtonGroup.class), true);
        _setValue(_get(dialog, TextArea.class), "Fix for the close");
        assertThat(ok.isEnabled()).as("only as a freeze exception").isFalse();
        Checkbox exception = _get(dialog, Checkbox.class, spec -> spec.withLabel("Freeze exception: two team leads must approve it"));
        _setValue(exception, true);
        assertThat(ok.isEnabled()).isTrue();
        _click(ok);
        MigrationRequest r = service.requests(com.switchback.migration.RequestFilter.ALL, 0, 1).getFirst();
        assertThat(r.clusterId()).isEqualTo(id);
        assertThat(r.freezeException()).isTrue();
        assertThat(r.state()).isEqualTo(RequestState.PENDING);
    }

    private void open(String clusterId) {
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters/" + clusterId);
        _get(H2.class, spec -> spec.withText(clusterId));
    }
}
