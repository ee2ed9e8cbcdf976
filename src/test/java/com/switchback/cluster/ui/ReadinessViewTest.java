package com.switchback.cluster.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertDisabled;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.simulated.SimulatedBackend;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The readiness report on the cluster page: read when asked, each check passing, warning or failing with its fix. */
class ReadinessViewTest extends KaribuTest {

    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theReportShowsEachCheckAndTheFixOfWhatFails() {
        String id = "pc-treadiness01";
        simulated.put(id, "RDS2POLARDB_SYNCING", 5);
        discovery.discover(SimulatedBackend.NAME, id);
        login("auditor", "AUDITOR");
        UI.getCurrent().navigate("clusters/" + id);
        _get(H2.class, spec -> spec.withText(id));
        _get(Paragraph.class, spec -> spec.withText("Not checked yet in this view."));

        _click(_get(Button.class, spec -> spec.withText("Check readiness")));

        _get(Paragraph.class, spec -> spec.withPredicate(p -> p.getText().startsWith("Checked ")
                && p.getText().endsWith(": 1 failed, 0 warnings, 9 passed.")));
        _get(Span.class, spec -> spec.withText("✗ Non-InnoDB tables — Simulated failure"));
        _get(Span.class, spec -> spec.withText("Fix: Configured by switchback.simulated.readiness-failures."));
        _get(Span.class, spec -> spec.withText("✓ Status known — RDS2POLARDB_SYNCING"));
        assertThat(_find(Span.class, spec -> spec.withClasses("sb-check-pass"))).hasSize(9);
    }

    @Test
    void aWarningMustBeAcknowledgedInTheDialogAndTheAcknowledgementIsKept() {
        String id = "pc-treadiness02";
        simulated.put(id, "RDS2POLARDB_SYNCING", 5);
        discovery.discover(SimulatedBackend.NAME, id);
        jdbc.sql("update migration_request set state = 'FAILED' where cluster_id = :c and state in ('PENDING','APPROVED','EXECUTING')")
                .param("c", id).update();
        login("dba", "DBA");
        UI.getCurrent().navigate("clusters/" + id);
        _click(_get(Button.class, spec -> spec.withText("Switch Over")));
        Dialog dialog = _get(Dialog.class);
        _get(dialog, Span.class, spec -> spec.withText("⚠ Binary log retention — Simulated warning "
                + "Fix: Configured by switchback.simulated.readiness-warnings."));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> option = _get(dialog, RadioButtonGroup.class);
        _setValue(option, true);
        _setValue(_get(dialog, TextArea.class), "Cut-over night");
        Button ok = _get(dialog, Button.class, spec -> spec.withClasses("sb-confirm"));
        _assertDisabled(ok);
        _setValue(_get(dialog, Checkbox.class, spec -> spec.withLabel("I have read the warnings above and go ahead")), true);
        _click(ok);

        long request = jdbc.sql("select id from migration_request where cluster_id = :c and state = 'PENDING'")
                .param("c", id).query(Long.class).single();
        assertThat(jdbc.sql("select details from audit_event where request_id = :r and action = 'request.created'")
                .param("r", request).query(String.class).single()).contains("warnings acknowledged: Binary log retention");
        assertThat(jdbc.sql("select outcome from request_check where request_id = :r and phase = 'REQUESTED' "
                + "and name = 'Binary log retention'").param("r", request).query(String.class).single()).isEqualTo("WARN");
    }
}
