package com.switchback.approval.ui;

import com.switchback.audit.AuditEvent;
import com.switchback.audit.AuditService;
import com.switchback.base.AppRoles;
import com.switchback.base.Formats;
import com.switchback.base.ui.UtcRange;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestFilter;
import com.switchback.migration.RequestState;
import com.switchback.migration.ui.LiveUpdates;
import com.switchback.migration.ui.RequestTexts;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Every request, newest first, filtered and paged in SQL, each with its timeline. */
@Route("requests")
@PageTitle("Requests — Switchback")
@Menu(title = "Requests", order = 20, icon = "vaadin:list")
@RolesAllowed({AppRoles.DBA, AppRoles.TEAM_LEAD, AppRoles.AUDITOR, AppRoles.ADMIN})
public class RequestsView extends VerticalLayout {

    final Grid<MigrationRequest> grid = new Grid<>();
    final ComboBox<RequestState> state = new ComboBox<>("State");
    final TextField cluster = new TextField("Cluster");
    final TextField requester = new TextField("Requested by");
    final DateTimePicker from = UtcRange.picker("From");
    final DateTimePicker to = UtcRange.picker("To");
    final Grid<AuditEvent> timeline = new Grid<>();
    private final Div detail = new Div();
    private final MigrationService migrations;
    private final AuditService audit;

    public RequestsView(MigrationService migrations, AuditService audit, MigrationEvents events) {
        this.migrations = migrations;
        this.audit = audit;
        setSizeFull();
        state.setItems(RequestState.values());
        state.setClearButtonVisible(true);
        for (TextField f : new TextField[]{cluster, requester}) {
            f.setClearButtonVisible(true);
            f.setMaxLength(64);
            f.setValueChangeMode(ValueChangeMode.LAZY);
            f.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        }
        state.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        from.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        to.addValueChangeListener(e -> grid.getDataProvider().refreshAll());

        grid.addColumn(r -> "#" + r.id()).setHeader("Request").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(r -> Formats.utc(r.requestedAt())).setHeader("Requested").setAutoWidth(true);
        grid.addColumn(MigrationRequest::clusterId).setHeader("Cluster").setAutoWidth(true);
        grid.addColumn(r -> r.action().title()).setHeader("Action").setAutoWidth(true);
        grid.addColumn(MigrationRequest::optionLabel).setHeader("Option").setAutoWidth(true);
        grid.addColumn(MigrationRequest::requestedBy).setHeader("Requested by").setAutoWidth(true);
        grid.addColumn(r -> r.state().name() + (r.emergency() ? " · EMERGENCY" : "")).setHeader("State")
                .setKey("state").setAutoWidth(true);
        grid.setItems(q -> migrations.requests(filter(), q.getOffset(), q.getLimit()).stream(),
                q -> migrations.countRequests(filter()));
        grid.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        grid.setHeight("45%");

        timeline.addColumn(e -> Formats.utc(e.occurredAt())).setHeader("When").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(e -> e.actor() + (e.actorRoles().isEmpty() ? "" : " (" + e.actorRoles() + ")"))
                .setHeader("Who").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(AuditEvent::action).setHeader("What").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(e -> e.outcome().name()).setHeader("Outcome").setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(AuditEvent::details).setHeader("Details").setFlexGrow(1);
        timeline.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        timeline.setAllRowsVisible(true);
        detail.addClassName("sb-section");
        detail.setVisible(false);

        FlexLayout filters = new FlexLayout(state, cluster, requester, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2("Requests"), filters, grid, detail);
        LiveUpdates.whileAttached(this, events, changed -> grid.getDataProvider().refreshAll());
    }

    private RequestFilter filter() {
        return new RequestFilter(state.getValue(), cluster.getValue(), requester.getValue(),
                UtcRange.instant(from), UtcRange.instant(to));
    }

    private void show(MigrationRequest r) {
        detail.removeAll();
        detail.setVisible(r != null);
        if (r == null) {
            return;
        }
        detail.add(new H3("Request #" + r.id() + " — timeline"), new Paragraph(RequestTexts.decision(r)));
        if (r.error() != null) {
            detail.add(new Paragraph(r.error() + (r.stateLeft() == null ? "" : " State left behind: " + r.stateLeft())));
        }
        timeline.setItems(audit.timeline(r.id()));
        detail.add(timeline);
    }

}
