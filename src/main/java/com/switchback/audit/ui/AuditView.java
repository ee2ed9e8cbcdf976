package com.switchback.audit.ui;

import com.switchback.audit.AuditEvent;
import com.switchback.audit.AuditExport;
import com.switchback.audit.AuditFilter;
import com.switchback.audit.AuditService;
import com.switchback.audit.Outcome;
import com.switchback.audit.Verification;
import com.switchback.base.AppRoles;
import com.switchback.base.Formats;
import com.switchback.base.ui.UtcRange;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The audit trail for auditors: filter, read an event's details, export, verify the chain. */
@Route("audit")
@PageTitle("Audit trail — Switchback")
@Menu(title = "Audit trail", order = 30, icon = "vaadin:clipboard-text")
@RolesAllowed({AppRoles.AUDITOR, AppRoles.ADMIN})
public class AuditView extends VerticalLayout {

    final Grid<AuditEvent> grid = new Grid<>();
    final DateTimePicker from = UtcRange.picker("From");
    final DateTimePicker to = UtcRange.picker("To");
    final TextField actor = new TextField("Actor");
    final ComboBox<String> action = new ComboBox<>("Action");
    final TextField cluster = new TextField("Cluster");
    final ComboBox<Outcome> outcome = new ComboBox<>("Outcome");
    final Pre details = new Pre();
    final Div verification = new Div();
    final Button verify = new Button("Verify integrity");
    private final AuditService audit;

    public AuditView(AuditService audit) {
        this.audit = audit;
        setSizeFull();
        action.setItems(audit.actions());
        outcome.setItems(Outcome.values());
        for (TextField f : new TextField[]{actor, cluster}) {
            f.setClearButtonVisible(true);
            f.setMaxLength(64);
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        action.setClearButtonVisible(true);
        outcome.setClearButtonVisible(true);
        action.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        outcome.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.addColumn(AuditEvent::seq).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> Formats.utc(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::actor).setHeader("Actor").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::actorRoles).setHeader("Roles").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::clientAddress).setHeader("From").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.action() + (e.emergency() ? " · EMERGENCY" : "")).setHeader("Action").setAutoWidth(true);
        grid.addColumn(e -> e.clusterId() == null ? "" : e.clusterId()).setHeader("Cluster").setAutoWidth(true);
        grid.addColumn(e -> e.requestId() == null ? "" : "#" + e.requestId()).setHeader("Request").setAutoWidth(true);
        grid.addColumn(e -> e.outcome().name()).setHeader("Outcome").setAutoWidth(true);
        grid.addColumn(AuditEvent::details).setHeader("Details").setFlexGrow(1);
        grid.setItems(q -> audit.page(filter(), q.getOffset(), q.getLimit()).stream(), q -> audit.count(filter()));
        grid.asSingleSelect().addValueChangeListener(e -> showDetails(e.getValue()));
        grid.setHeight("50%");
        details.addClassName("sb-audit-details");
        details.setVisible(false);

        verify.addClickListener(e -> showVerification(audit.verify()));
        verification.addClassName("sb-banner");
        verification.setVisible(false);

        FlexLayout filters = new FlexLayout(from, to, actor, action, cluster, outcome);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        HorizontalLayout tools = new HorizontalLayout(download(AuditExport.CSV, "Export CSV"),
                download(AuditExport.JSON_LINES, "Export JSON lines"), verify);
        tools.setAlignItems(Alignment.BASELINE);
        add(new H2("Audit trail"), filters, tools, verification, grid, details);
    }

    AuditFilter filter() {
        return new AuditFilter(UtcRange.instant(from), UtcRange.instant(to), actor.getValue(), action.getValue(),
                cluster.getValue(), outcome.getValue(), null);
    }

    private Anchor download(AuditExport format, String text) {
        DownloadHandler handler = event -> {
            AuditFilter f = filter();
            event.setFileName("switchback-audit-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneOffset.UTC).format(Instant.now()) + "." + format.extension());
            event.setContentType(format.contentType());
            try (var out = event.getOutputStream()) {
                audit.export(f, format, out);
            }
        };
        Anchor link = new Anchor(handler, text);
        link.getElement().setAttribute("download", true);
        return link;
    }

    private void showDetails(AuditEvent e) {
        details.setVisible(e != null);
        if (e != null) {
            details.setText("Event " + e.seq() + " at " + Formats.utc(e.occurredAt()) + "\n"
                    + "Actor: " + e.actor() + " (" + e.actorRoles() + ") from " + e.clientAddress() + "\n"
                    + "Action: " + e.action() + (e.emergency() ? " — EMERGENCY RUN" : "") + "\n"
                    + "Cluster: " + (e.clusterId() == null ? "—" : e.clusterId())
                    + "   Request: " + (e.requestId() == null ? "—" : "#" + e.requestId()) + "\n"
                    + "Outcome: " + e.outcome() + "\n"
                    + "Details: " + e.details() + "\n"
                    + "Hash: " + e.hash() + "\nPrevious: " + e.prevHash());
        }
    }

    private void showVerification(Verification v) {
        verification.setText(v.summary());
        verification.setClassName("sb-banner-success", v.intact());
        verification.setClassName("sb-banner-error", !v.intact());
        verification.setVisible(true);
    }
}
