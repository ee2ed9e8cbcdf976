package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestPlan;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.List;

/**
 * The readiness report on the cluster page: the vendor's migration evaluation as it applies, read
 * from the backend when asked (it reads the servers, so not on every live update). Each check
 * passes, warns or fails, with the fix in one sentence.
 */
public class ReadinessSection extends Div {

    final Button check = new Button(t("readiness.checkReadiness"));
    final Div results = new Div();
    private final Paragraph when = new Paragraph(t("readiness.notCheckedYetIn"));

    public ReadinessSection(String clusterId, MigrationService service) {
        addClassName("sb-section");
        check.addClickListener(e -> show(service.readiness(clusterId)));
        add(new H3(t("readiness.readiness")), when, check, results);
    }

    void show(List<RequestPlan.Check> checks) {
        results.removeAll();
        when.setText(t("readiness.checked", com.switchback.base.ui.UserTime.format(Instant.now()), summary(checks)));
        for (RequestPlan.Check c : checks) {
            Span line = new Span((c.warning() ? "⚠ " : c.passed() ? "✓ " : "✗ ") + com.switchback.migration.ui.CheckNames.of(c.name()) + " — " + c.detail());
            line.addClassName(c.warning() ? "sb-check-warn" : c.passed() ? "sb-check-pass" : "sb-check-fail");
            Div row = new Div(line);
            if (!c.fix().isEmpty() && (c.warning() || !c.passed())) {
                Span fix = new Span(t("readiness.fix", c.fix()));
                fix.addClassName("sb-check-fix");
                row.add(fix);
            }
            results.add(row);
        }
    }

    private static String summary(List<RequestPlan.Check> checks) {
        long failed = checks.stream().filter(c -> !c.passed()).count();
        long warned = checks.stream().filter(RequestPlan.Check::warning).count();
        return t("readiness.summary", failed, warned, checks.size() - failed - warned);
    }
}
