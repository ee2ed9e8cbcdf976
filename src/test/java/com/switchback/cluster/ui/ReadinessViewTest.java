package com.switchback.cluster.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.simulated.SimulatedBackend;
import com.vaadin.flow.component.UI;
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
}
