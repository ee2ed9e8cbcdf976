package com.switchback.approval.ui;

import com.switchback.base.i18n.Texts;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.approval.ApprovalService;
import com.switchback.audit.AuditService;
import com.switchback.base.AppRoles;
import com.switchback.base.ui.UserTime;
import com.switchback.base.ui.CurrentUser;
import com.switchback.base.ui.ListState;
import com.switchback.base.ui.ListWithPanel;
import com.switchback.base.ui.ResultCount;
import com.switchback.base.ui.UtcRange;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestFilter;
import com.switchback.migration.RequestState;
import com.switchback.base.ui.LiveHub;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * Every request, newest first, filtered and paged in SQL. {@code /requests/{id}} opens the one
 * request page beside the list, which keeps its size, its filters and the selected row.
 */
@Route("requests/:id?([0-9]{1,18})")
@Menu(title = "requests.requests", order = 20, icon = "vaadin:list")
@RolesAllowed({AppRoles.DBA, AppRoles.TEAM_LEAD, AppRoles.AUDITOR, AppRoles.ADMIN})
public class RequestsView extends ListWithPanel<MigrationRequest> implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return com.switchback.base.ui.Titles.page("requests.requests");
    }

    final ComboBox<RequestState> state = new ComboBox<>(t("requests.state"));
    final TextField cluster = new TextField(t("requests.cluster"));
    final TextField requester = new TextField(t("requests.requestedBy"));
    final DateTimePicker from = UtcRange.picker(t("requests.from"));
    final DateTimePicker to = UtcRange.picker(t("requests.to"));
    final ResultCount count = new ResultCount("count.request");
    final ListState listState = new ListState("requests");
    final RequestPanel panel;
    private final MigrationService migrations;

    public RequestsView(MigrationService migrations, ApprovalService approvals, AuditService audit,
                        MigrationEvents events, AuthenticationContext auth) {
        this.migrations = migrations;
        CurrentUser user = CurrentUser.of(auth);
        this.panel = new RequestPanel(migrations, approvals, audit, user);
        state.setItems(RequestState.values());
        state.setClearButtonVisible(true);
        for (TextField f : new TextField[]{cluster, requester}) {
            f.setClearButtonVisible(true);
            f.setMaxLength(64);
            f.setValueChangeMode(ValueChangeMode.LAZY);
        }
        RequestColumns.addTo(grid, "requests", true, user.name());
        RequestColumns.addDetailsTo(grid);
        grid.setItems(q -> migrations.requests(filter(), q.getOffset(), q.getLimit()).stream(), q -> counted(filter()))
                .setIdentifierProvider(MigrationRequest::id);
        grid.setEmptyStateText(t("requests.noRequestMatchesThese"));
        listState.choice("state", state, RequestState.class).text("cluster", cluster).text("by", requester)
                .dateTime("from", from).dateTime("to", to).onChange(() -> grid.getDataProvider().refreshAll());

        filters(state, cluster, requester, from, to, count);
        layOut(new H2(t("requests.requests")), panel, listState);
        // Maintenance windows count down by the minute.
        com.switchback.base.ui.MinuteTicker.whileAttached(this, () -> grid.getDataProvider().refreshAll());
        LiveHub.whileAttached(this, events, changed -> {
            grid.getDataProvider().refreshAll();
            panel.refreshIfAbout(changed);
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        listState.restore(event.getLocation().getQueryParameters());
        Long id = event.getRouteParameters().getLong("id").orElse(null);
        open(id, () -> panel.show(id), () -> migrations.findRequest(id).orElse(null));
        grid.getDataProvider().refreshAll();
    }

    private RequestFilter filter() {
        return new RequestFilter(state.getValue(), cluster.getValue(), requester.getValue(),
                UtcRange.instant(from), UtcRange.instant(to));
    }

    private int counted(RequestFilter f) {
        int shown = migrations.countRequests(f);
        count.show(shown, f.equals(RequestFilter.ALL) ? shown : migrations.countRequests(RequestFilter.ALL));
        return shown;
    }

    @Override
    protected Object idOf(MigrationRequest item) {
        return item.id();
    }

    /** The grid's columns, shared with the approvals inbox: the state beside the number, short options. */
    static final class RequestColumns {

        private RequestColumns() {
        }

        static void addTo(Grid<MigrationRequest> grid, String path, boolean withState, String me) {
            // A real link (a middle-click opens the request in a new tab); the state right beside it.
            String link = "<a href=\"" + path + "/${item.id}\" class=\"sb-row-link\">#${item.id}</a>";
            String badge = withState ? "&nbsp;<span theme=\"${item.theme}\" class=\"sb-request-state\">${item.state}</span>" : "";
            grid.addColumn(com.vaadin.flow.data.renderer.LitRenderer.<MigrationRequest>of(link + badge)
                            .withProperty("id", MigrationRequest::id)
                            .withProperty("state", r -> t("badge.RequestState." + r.state().name()) + (r.emergency() ? t("requests.emergency") : ""))
                            .withProperty("theme", r -> "badge small " + com.switchback.migration.ui.RequestBadge.theme(r.state())))
                    .setHeader(withState ? t("requests.requestState") : t("requests.request")).setKey(ListWithPanel.LINK_COLUMN).setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(MigrationRequest::clusterId).setHeader(t("requests.cluster")).setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(r -> Texts.label(r.action())).setHeader(t("requests.action")).setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(r -> r.requestedBy() + (r.requestedBy().equals(me) ? t("requests.yours") : "")).setHeader(t("requests.requestedBy"))
                    .setKey("requestedBy").setAutoWidth(true).setFlexGrow(0);
        }

        /** What matters less for a decision: after the caller's own columns. */
        static void addDetailsTo(Grid<MigrationRequest> grid) {
            grid.addColumn(r -> r.optionShortKey().isEmpty() ? "" : t(r.optionShortKey())).setHeader(t("requests.option")).setAutoWidth(true).setFlexGrow(0);
            // A maintenance window with how long until it opens or closes (while the request is open).
            grid.addColumn(r -> r.windowStart() == null ? "" : UserTime.format(r.windowStart()).substring(5, 16) + "–"
                            + UserTime.format(r.windowEnd()).substring(11, 16) + " " + UserTime.zoneLabel() + (r.state().open()
                            ? " (" + com.switchback.migration.ui.Said.countdown(r, java.time.Instant.now()) + ")" : ""))
                    .setHeader(t("requests.window")).setKey("window").setAutoWidth(true).setFlexGrow(0);
            grid.addColumn(com.switchback.base.ui.UserTime.renderer(MigrationRequest::requestedAt)).setHeader(t("requests.requested")).setAutoWidth(true).setFlexGrow(1);
        }
    }
}
