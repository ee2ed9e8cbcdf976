package com.switchback.audit.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.switchback.audit.AuditEvent;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import com.switchback.TestUsers;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Anchor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

class AuditViewTest extends KaribuTest {

    @Autowired AuditLog log;

    @ParameterizedTest
    @ValueSource(strings = {"AUDITOR", "ADMIN"})
    void auditorsFilterTheTrailReadAnEventAndVerifyTheChain(String role) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        TestUsers.loginAs("dba", "DBA");
        log.record("test.view", "pc-audit-view-" + role, null, Outcome.FAILURE, "<b>not bold</b>\nsecond line");
        SecurityContextHolder.getContext().setAuthentication(auth);

        login("someone", role);
        UI.getCurrent().navigate("audit");
        AuditView view = _get(AuditView.class);
        _setValue(view.cluster, "pc-audit-view-" + role);
        var rows = _fetch(view.grid, 0, 50);
        assertThat(rows).singleElement().extracting(AuditEvent::action).isEqualTo("test.view");
        com.github.mvysny.kaributesting.v10.GridKt._clickItem(view.grid, 0);
        long seq = rows.get(0).seq();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("audit/" + seq);
        assertThat(view.grid.getSelectedItems()).extracting(AuditEvent::seq).as("its row stays marked").containsExactly(seq);
        assertThat(view.cluster.getValue()).as("the list keeps its filter").isEqualTo("pc-audit-view-" + role);
        assertThat(fact(view, "Actor")).isEqualTo("dba");
        assertThat(fact(view, "Roles")).isEqualTo("DBA");
        assertThat(fact(view, "Outcome")).isEqualTo("FAILURE");
        assertThat(fact(view, "Details")).isEqualTo("<b>not bold</b>\nsecond line");
        Span text = _get(view.details, Span.class, spec -> spec.withClasses("sb-audit-text"));
        assertThat(text.getElement().getChildren().allMatch(c -> c.isTextNode()))
                .as("the text is a text node, never markup").isTrue();

        // The same event from its address alone (a shared link), and an unknown one.
        UI.getCurrent().navigate("audit/" + seq);
        assertThat(fact(view, "Action")).isEqualTo("test.view");
        UI.getCurrent().navigate("audit/987654321");
        _get(view.details, com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withText("There is no event #987654321 in the audit trail."));

        _click(view.verify);
        assertThat(view.verification.getText()).startsWith("Intact, ").contains(" events.");
        _get(Anchor.class, spec -> spec.withText("Export CSV"));
        _get(Anchor.class, spec -> spec.withText("Export JSON lines"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DBA", "TEAM_LEAD"})
    void othersCannotOpenTheAuditTrailAndTheirAttemptIsRecorded(String role) {
        login("curious-" + role.toLowerCase(), role);
        assertAccessDenied("audit", AuditView.class);
        login("auditor", "AUDITOR");
        UI.getCurrent().navigate("audit");
        AuditView view = _get(AuditView.class);
        _setValue(view.actor, "curious-" + role.toLowerCase());
        assertThat(_fetch(view.grid, 0, 10)).extracting(AuditEvent::action).contains("access.denied");
    }

    private static String fact(AuditView view, String label) {
        return _get(view.details, Span.class, spec -> spec.withClasses("sb-fact-value")
                .withPredicate(v -> label.equals(v.getElement().getAttribute("data-fact")))).getText();
    }
}
