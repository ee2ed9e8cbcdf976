package com.switchback.approval.ui;

import com.switchback.approval.ApprovalService;
import com.switchback.base.AppRoles;
import com.switchback.base.ui.CurrentUser;
import com.switchback.base.Formats;
import com.switchback.base.ui.Notifications;
import com.switchback.migration.ActionRefusedException;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestPlan;
import com.switchback.migration.ui.LiveUpdates;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The team lead's inbox: pending requests, updated live. Each shows who asked, why, when, and
 * the plan — pre-checks run now against the backend and the exact steps — with Approve / Reject.
 */
@Route("approvals")
@PageTitle("Approvals — Switchback")
@Menu(title = "Approvals", order = 10, icon = "vaadin:check-square-o")
@RolesAllowed(AppRoles.TEAM_LEAD)
public class ApprovalsView extends VerticalLayout {

    final Grid<MigrationRequest> inbox = new Grid<>();
    final Div detail = new Div();
    /** After a decision: what was decided, and a link to follow the run. */
    final Div decided = new Div();
    final TextArea comment = new TextArea("Comment");
    final Button approve = new Button("Approve");
    final Button reject = new Button("Reject");
    private final ApprovalService approvals;
    private final MigrationService migrations;
    private final CurrentUser user;
    private MigrationRequest selected;
    private List<MigrationRequest> shown;
    private boolean refreshing;

    public ApprovalsView(ApprovalService approvals, MigrationService migrations, MigrationEvents events,
                         AuthenticationContext auth) {
        this.approvals = approvals;
        this.migrations = migrations;
        this.user = CurrentUser.of(auth);
        setSizeFull();
        inbox.addColumn(r -> "#" + r.id()).setHeader("Request").setAutoWidth(true).setFlexGrow(0);
        inbox.addColumn(MigrationRequest::clusterId).setHeader("Cluster").setAutoWidth(true);
        inbox.addColumn(r -> r.action().title()).setHeader("Action").setAutoWidth(true);
        inbox.addColumn(r -> r.requestedBy() + (r.requestedBy().equals(user.name()) ? " (yours)" : ""))
                .setHeader("Requested by").setAutoWidth(true);
        inbox.addColumn(r -> Formats.utc(r.requestedAt())).setHeader("At").setAutoWidth(true);
        inbox.addColumn(MigrationRequest::reason).setHeader("Reason").setFlexGrow(1);
        inbox.setAllRowsVisible(true);
        inbox.setEmptyStateText("No request waits for approval.");
        inbox.asSingleSelect().addValueChangeListener(e -> {
            if (!refreshing) {
                show(e.getValue());
            }
        });

        comment.setMaxLength(ApprovalService.MAX_COMMENT);
        comment.setWidthFull();
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        approve.setDisableOnClick(true);
        reject.setDisableOnClick(true);
        approve.addClickListener(e -> decide(true));
        reject.addClickListener(e -> decide(false));
        detail.addClassName("sb-section");
        detail.setVisible(false);
        decided.setVisible(false);
        decided.addClassName("sb-decided");
        add(new H2("Approvals"), decided, inbox, detail);
        refresh();
        LiveUpdates.whileAttached(this, events, changed -> refresh());
    }

    /** Re-reads the inbox; the request being looked at stays open (and its comment) while it is pending. */
    private void refresh() {
        List<MigrationRequest> pending = approvals.inbox();
        if (pending.equals(shown)) {
            // Most announced changes are other clusters' status: leave the grid alone, so a click
            // on a row is never lost to a redraw that changed nothing.
            return;
        }
        shown = pending;
        refreshing = true;
        try {
            inbox.setItems(pending);
            if (selected != null) {
                var still = pending.stream().filter(r -> r.id() == selected.id()).findFirst();
                if (still.isPresent()) {
                    inbox.select(still.get());
                } else {
                    Notifications.error("Request #" + selected.id() + " is no longer pending: someone else decided, "
                            + "or it was withdrawn or expired.");
                    show(null);
                }
            }
        } finally {
            refreshing = false;
        }
    }

    private void show(MigrationRequest r) {
        selected = r;
        detail.removeAll();
        detail.setVisible(r != null);
        if (r == null) {
            return;
        }
        detail.add(new H3("Request #" + r.id() + ": " + r.action().title()),
                new Paragraph((r.optionLabel().isEmpty() ? "" : r.optionLabel() + ". ") + "Requested by "
                        + r.requestedBy() + " at " + Formats.utc(r.requestedAt()) + "; valid until "
                        + Formats.utc(r.expiresAt()) + "."),
                new Paragraph("Reason: " + r.reason()),
                new Anchor("clusters/" + r.clusterId(), "Open cluster " + r.clusterId()));
        RequestPlan plan = migrations.plan(r.id());
        detail.add(new H4("Pre-checks (run now)"));
        for (RequestPlan.Check c : plan.checks()) {
            // A warning blocks nothing but is shown as one: the approver decides knowing it.
            Span line = new Span((c.warning() ? "⚠ " : c.passed() ? "✓ " : "✗ ") + c.name() + " — " + c.detail());
            line.addClassName(c.passed() ? "sb-check-pass" : "sb-check-fail");
            detail.add(new Div(line));
        }
        detail.add(new H4("Steps that will run"));
        OrderedList steps = new OrderedList();
        plan.steps().forEach(s -> steps.add(new ListItem(s)));
        detail.add(steps);
        boolean own = r.requestedBy().equals(user.name());
        approve.setEnabled(!own);
        reject.setEnabled(!own);
        comment.clear();
        comment.setReadOnly(own);
        if (own) {
            // Said before the buttons, as plainly as a refusal: four eyes, never the requester's own two.
            Div banner = new Div(new Span("You made this request: another team lead must decide on it."));
            banner.addClassName("sb-own-request");
            detail.addComponentAtIndex(1, banner);
        }
        detail.add(comment, new HorizontalLayout(approve, reject));
    }

    private void decide(boolean approving) {
        if (selected == null) {
            return;
        }
        long id = selected.id();
        try {
            String cluster = selected.clusterId();
            if (approving) {
                approvals.approve(id, comment.getValue());
                Notifications.success("Request #" + id + " approved: the migration service runs it now.");
            } else {
                approvals.reject(id, comment.getValue());
                Notifications.success("Request #" + id + " rejected.");
            }
            selected = null;
            show(null);
            decided.removeAll();
            Anchor follow = new Anchor("clusters/" + cluster, approving ? "Follow the run of request #" + id + " on "
                    + cluster : "Open cluster " + cluster);
            follow.addClassName("sb-follow-run");
            decided.add(new Span((approving ? "Approved" : "Rejected") + " request #" + id + ". "), follow);
            decided.setVisible(true);
        } catch (ActionRefusedException e) {
            Notifications.error(e.getMessage());
            approve.setEnabled(true);
            reject.setEnabled(true);
        }
        refresh();
    }

}
