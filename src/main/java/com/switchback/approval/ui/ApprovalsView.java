package com.switchback.approval.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.approval.ApprovalService;
import com.switchback.audit.AuditService;
import com.switchback.base.AppRoles;
import com.switchback.base.ui.CurrentUser;
import com.switchback.base.ui.ListState;
import com.switchback.base.ui.ListWithPanel;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestState;
import com.switchback.base.ui.LiveHub;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The team lead's inbox: pending requests, updated live. Opening one shows the request page beside
 * the inbox — who asked, why, the plan (pre-checks run now, the steps) — with Approve / Reject.
 */
@Route("approvals/:id?([0-9]{1,18})")
@Menu(title = "approvals.approvals", order = 10, icon = "vaadin:check-square-o")
@RolesAllowed(AppRoles.TEAM_LEAD)
public class ApprovalsView extends ListWithPanel<MigrationRequest> implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return com.switchback.base.ui.Titles.page("approvals.approvals");
    }

    /** After a decision: what was decided, and a link to follow the run. */
    final Div decided = new Div();
    final RequestPanel panel;
    private final ApprovalService approvals;
    private final MigrationService migrations;
    private final ListState listState = new ListState("approvals");
    private List<MigrationRequest> shown;

    public ApprovalsView(ApprovalService approvals, MigrationService migrations, AuditService audit,
                         MigrationEvents events, AuthenticationContext auth) {
        this.approvals = approvals;
        this.migrations = migrations;
        CurrentUser user = CurrentUser.of(auth);
        this.panel = new RequestPanel(migrations, approvals, audit, user).onDecided(this::decided);
        RequestsView.RequestColumns.addTo(grid, "approvals", false, user.name());
        grid.addColumn(MigrationRequest::reason).setHeader(t("approvals.reason")).setWidth("12em").setFlexGrow(1);
        // The approval rules at a glance: how far each request is, and whether it still waits for you.
        grid.addColumn(r -> approvalLine(approvals.approvalsOf(r), user.name())).setHeader(t("approvals.approvals"))
                .setKey("approvals").setAutoWidth(true).setFlexGrow(0);
        RequestsView.RequestColumns.addDetailsTo(grid);
        grid.setEmptyStateText(t("approvals.noRequestWaitsFor"));
        decided.setVisible(false);
        decided.addClassName("sb-decided");
        layOut(new Div(new H2(t("approvals.approvals")), decided), panel, listState);
        refresh();
        // Maintenance windows count down by the minute.
        com.switchback.base.ui.MinuteTicker.whileAttached(this, this::refresh);
        LiveHub.whileAttached(this, events, changed -> {
            refresh();
            panel.refreshIfAbout(changed);
        });
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Long id = event.getRouteParameters().getLong("id").orElse(null);
        open(id, () -> panel.show(id), () -> migrations.findRequest(id)
                .filter(r -> r.state() == RequestState.PENDING).orElse(null));
    }

    /** "1 of 2 (yours)": approvals given of those needed, marked when one of them is this team lead's. */
    static String approvalLine(ApprovalService.Approvals a, String me) {
        return t("approvals.count", a.given().size(), a.needed()) + (a.by(me) ? t("approvals.yours") : "");
    }

    @Override
    protected Object idOf(MigrationRequest item) {
        return item.id();
    }

    /** Re-reads the inbox; an unchanged inbox sends nothing, so a click on a row is never lost to a redraw. */
    private void refresh() {
        List<MigrationRequest> pending = approvals.inbox();
        if (pending.equals(shown)) {
            return;
        }
        shown = pending;
        MigrationRequest open = panel.shown().orElse(null);
        grid.setItems(pending);
        pending.stream().filter(r -> open != null && r.id() == open.id()).findFirst().ifPresent(grid::select);
    }

    private void decided(MigrationRequest r) {
        decided.removeAll();
        boolean approved = r.state() != RequestState.REJECTED;
        Anchor follow = new Anchor("clusters/" + r.clusterId(), approved
                ? t("approvals.followRun", r.id(), r.clusterId()) : t("approvals.openCluster", r.clusterId()));
        follow.addClassName("sb-follow-run");
        decided.add(new Span(t(approved ? "approvals.approvedRequest" : "approvals.rejectedRequest", r.id()) + " "), follow);
        decided.setVisible(true);
        refresh();
    }
}
