package com.switchback.approval.ui;

import com.switchback.base.i18n.Texts;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.approval.ApprovalService;
import com.switchback.audit.AuditEvent;
import com.switchback.audit.AuditService;
import com.switchback.base.ui.CurrentUser;
import com.switchback.base.ui.Facts;
import com.switchback.base.ui.FixedColumnsGrid;
import com.switchback.base.ui.Notifications;
import com.switchback.base.ActionRefusedException;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestPlan;
import com.switchback.migration.RequestState;
import com.switchback.migration.ui.RequestBadge;
import com.switchback.migration.ui.RequestTexts;
import com.switchback.migration.ui.StepsGrid;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.renderer.LitRenderer;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one request page, shown beside the requests list and the approvals inbox: what was asked, by
 * whom and why; the plan (pre-checks run now, the steps) while it waits, or its steps once it ran;
 * the decision; and its timeline of audit events. A team lead who did not make it decides here.
 */
public class RequestPanel extends Div {

    final TextArea comment = new TextArea(t("request.comment"));
    final Button approve = new Button(t("request.approve"));
    final Button reject = new Button(t("request.reject"));
    final Button withdraw = new Button(t("request.withdrawRequest"));
    final Grid<AuditEvent> timeline = new FixedColumnsGrid<>();
    final StepsGrid steps = new StepsGrid();
    private final Div body = new Div();
    private final MigrationService migrations;
    private final ApprovalService approvals;
    private final AuditService audit;
    private final CurrentUser user;
    private Consumer<MigrationRequest> onDecided = r -> { };
    private MigrationRequest shown;
    private int shownApprovals;

    public RequestPanel(MigrationService migrations, ApprovalService approvals, AuditService audit, CurrentUser user) {
        this.migrations = migrations;
        this.approvals = approvals;
        this.audit = audit;
        this.user = user;
        addClassNames("sb-section", "sb-request-panel");
        comment.setMaxLength(ApprovalService.MAX_COMMENT);
        comment.setWidthFull();
        comment.setHelperText(t("request.requiredToRejectOptional"));
        comment.addValueChangeListener(e -> comment.setInvalid(false));
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        approve.setDisableOnClick(true);
        reject.setDisableOnClick(true);
        approve.addClickListener(e -> decide(true));
        reject.addClickListener(e -> decide(false));
        withdraw.setDisableOnClick(true);
        withdraw.addClickListener(e -> withdraw());

        timeline.addColumn(com.switchback.base.ui.UserTime.renderer(com.switchback.audit.AuditEvent::occurredAt)).setHeader(t("request.when")).setAutoWidth(true).setFlexGrow(0);
        timeline.addColumn(e -> e.actor() + (e.actorRoles().isEmpty() ? "" : " (" + e.actorRoles() + ")"))
                .setHeader(t("request.who")).setAutoWidth(true).setFlexGrow(0);
        if (user.mayAudit()) {
            // Each event is one click from its own page in the audit trail.
            timeline.addColumn(LitRenderer.<AuditEvent>of("<a href=\"audit/${item.seq}\">${item.action}</a>")
                    .withProperty("seq", AuditEvent::seq).withProperty("action", AuditEvent::action))
                    .setHeader(t("request.what")).setAutoWidth(true).setFlexGrow(0);
        } else {
            timeline.addColumn(AuditEvent::action).setHeader(t("request.what")).setAutoWidth(true).setFlexGrow(0);
        }
        timeline.addColumn(AuditEvent::details).setHeader(t("request.details")).setFlexGrow(1);
        timeline.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        timeline.setAllRowsVisible(true);
        add(body);
    }

    /** Called after this user approved or rejected the request shown. */
    public RequestPanel onDecided(Consumer<MigrationRequest> onDecided) {
        this.onDecided = onDecided;
        return this;
    }

    /** The request shown, if any. */
    public Optional<MigrationRequest> shown() {
        return Optional.ofNullable(shown);
    }

    /** Shows request {@code id}, or says that there is none. */
    public void show(long id) {
        shown = migrations.findRequest(id).orElse(null);
        body.removeAll();
        comment.clear();
        comment.setInvalid(false);
        if (shown == null) {
            body.add(new H3(t("request.requestNotFound")), new Paragraph(t("request.noSuchRequest", id)));
            return;
        }
        draw();
    }

    /** After a live change: re-reads the request shown when the change is about its cluster. */
    public void refreshIfAbout(java.util.Set<String> changedClusters) {
        if (shown != null && changedClusters.contains(shown.clusterId())) {
            refresh();
        }
    }

    /** Re-reads the request shown after a live change; a comment being typed is kept. */
    private void refresh() {
        if (shown == null) {
            return;
        }
        MigrationRequest now = migrations.findRequest(shown.id()).orElse(shown);
        boolean sameState = now.state() == shown.state();
        shown = now;
        if (sameState && now.state() == RequestState.PENDING
                && approvals.approvalsOf(now).given().size() == shownApprovals) {
            return; // nothing on the page changes while it waits (the plan is read when opened) but an approval
        }
        String typed = comment.getValue();
        body.removeAll();
        draw();
        comment.setValue(typed);
    }

    private void draw() {
        MigrationRequest r = shown;
        Span badge = RequestBadge.of(r.state());
        H3 title = new H3(t("request.title", r.id(), Texts.label(r.action())));
        HorizontalLayout heading = new HorizontalLayout(title, badge);
        heading.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        body.add(heading);

        Facts facts = new Facts();
        Anchor cluster = new Anchor("clusters/" + r.clusterId(), r.clusterId());
        cluster.addClassName("sb-request-cluster");
        facts.add(t("request.cluster"), cluster);
        if (!r.optionLabelKey().isEmpty()) {
            facts.add(t("request.option"), t(r.optionLabelKey()));
        }
        facts.add(t("request.requestedBy"), r.requestedBy() + (r.requestedBy().equals(user.name()) ? t("request.you") : ""));
        facts.add(t("request.requestedAt"), com.switchback.base.ui.UserTime.span(r.requestedAt()));
        if (r.state() == RequestState.PENDING) {
            facts.add(t("request.validUntil"), com.switchback.base.ui.UserTime.span(r.expiresAt()));
        }
        facts.add(t("request.reason"), r.reason());
        if (r.windowStart() != null) {
            facts.add(t("request.maintenanceWindow"), t("request.runsOnly", com.switchback.migration.ui.Said.window(r)
                    + (r.state().open() ? " (" + com.switchback.migration.ui.Said.countdown(r, java.time.Instant.now()) + ")" : "")));
        }
        if (r.freezeException()) {
            facts.add(t("request.freezeException"), t("request.madeDuringAChange"));
        }
        if (r.emergency()) {
            facts.add(t("request.emergency"), t("request.runAtOnceBy"));
        }
        facts.add(t("request.decision"), RequestTexts.decided(r));
        if (r.writePauseText() != null) {
            facts.add(t("request.writePause"), t(r.writePauseText()));
        }
        body.add(facts);
        if (r.error() != null) {
            Paragraph failure = new Paragraph((r.safetyStop() ? t("request.safetyStop") : "") + r.error()
                    + (r.stateLeft() == null ? "" : t("latest.stateLeft", r.stateLeft())));
            failure.addClassNames("sb-banner", "sb-banner-error");
            body.add(failure);
        }

        if (r.state() == RequestState.PENDING) {
            drawPlan(r);
        } else {
            body.add(new H4(r.startedAt() == null ? t("request.stepsNeverRan") : t("request.steps")));
            steps.show(migrations.steps(r.id()));
            boolean ran = r.startedAt() != null;
            steps.setClassName("sb-steps-not-run", !ran);
            // Steps that never ran have no duration or details: the narrow panel shows what they would have been.
            steps.getColumnByKey("duration").setVisible(ran);
            steps.getColumnByKey("details").setVisible(ran);
            body.add(steps);
        }
        body.add(new H4(t("request.timeline")));
        timeline.setItems(audit.timeline(r.id()));
        body.add(timeline);
    }

    /** While it waits: the checks as they stand now, the steps, and the decision for a team lead. */
    private void drawPlan(MigrationRequest r) {
        RequestPlan plan = migrations.plan(r.id());
        body.add(new H4(t("request.preChecksRunNow")));
        for (RequestPlan.Check c : plan.checks()) {
            // A warning blocks nothing but is shown as one: the approver decides knowing it.
            Span line = new Span((c.warning() ? "⚠ " : c.passed() ? "✓ " : "✗ ") + com.switchback.migration.ui.CheckNames.of(c.name()) + " — " + c.detail());
            line.addClassName(c.passed() ? "sb-check-pass" : "sb-check-fail");
            body.add(new Div(line));
        }
        body.add(new H4(t("request.stepsThatWillRun")));
        OrderedList list = new OrderedList();
        plan.steps().forEach(s -> list.add(new ListItem(s)));
        body.add(list);
        ApprovalService.Approvals given = approvals.approvalsOf(r);
        shownApprovals = given.given().size();
        drawApprovals(given);
        boolean own = r.requestedBy().equals(user.name());
        boolean approvedByMe = given.by(user.name());
        if (own) {
            withdraw.setEnabled(true);
            body.add(withdraw);
        }
        if (!user.mayApprove()) {
            return;
        }
        approve.setEnabled(!own && !approvedByMe);
        reject.setEnabled(!own);
        comment.setReadOnly(own);
        if (own) {
            // Said before the buttons, as plainly as a refusal: four eyes, never the requester's own two.
            Div banner = new Div(new Span(t("request.youMadeThisRequest")));
            banner.addClassName("sb-own-request");
            body.add(banner);
        } else if (approvedByMe) {
            Div banner = new Div(new Span(t(given.stillNeeded() == 1
                    ? "request.youApprovedOneMore" : "request.youApprovedMore", given.stillNeeded())));
            banner.addClassName("sb-own-request");
            body.add(banner);
        }
        body.add(comment, new HorizontalLayout(approve, reject));
    }

    /** The approval rules at work: who has approved, and how many more are needed (shown when more than one is). */
    private void drawApprovals(ApprovalService.Approvals given) {
        if (given.needed() <= 1 && given.given().isEmpty()) {
            return;
        }
        Div line = new Div();
        line.addClassName("sb-approvals");
        String who = given.given().isEmpty() ? t("request.noneYet") : String.join(", ", given.given().stream()
                .map(a -> t("request.approvalBy", a.by(), com.switchback.base.ui.UserTime.format(a.at()))
                        + (a.comment().isEmpty() ? "" : t("request.approvalComment", a.comment()))).toList());
        line.setText(t("request.approvalsLine", given.given().size(), given.needed(), who)
                + (given.stillNeeded() > 0 ? t("request.stillNeeded", given.stillNeeded()) : "."));
        body.add(new H4(t("request.approvals")), line);
    }

    private void decide(boolean approving) {
        MigrationRequest r = shown;
        if (r == null) {
            return;
        }
        if (!approving && comment.getValue().isBlank()) {
            // Said on the field, before anything is sent; the service refuses it too.
            comment.setErrorMessage(t("request.sayWhyYouReject"));
            comment.setInvalid(true);
            reject.setEnabled(true);
            return;
        }
        try {
            if (approving) {
                approvals.approve(r.id(), comment.getValue());
                MigrationRequest after = migrations.findRequest(r.id()).orElse(r);
                boolean still = after.state() == RequestState.PENDING;
                Notifications.success(still ? t("request.approvalRecorded", r.id(), approvals.approvalsOf(after).stillNeeded())
                        : t("request.approvedRuns", r.id()));
            } else {
                approvals.reject(r.id(), comment.getValue());
                Notifications.success(t("request.rejected", r.id()));
            }
            show(r.id());
            onDecided.accept(shown);
        } catch (ActionRefusedException e) {
            Notifications.error(t(e.reason()));
            show(r.id());
        }
    }

    private void withdraw() {
        MigrationRequest r = shown;
        try {
            migrations.withdraw(r.id());
            Notifications.success(t("migration.withdrawn", r.id()));
        } catch (ActionRefusedException e) {
            Notifications.error(t(e.reason()));
        }
        show(r.id());
    }
}
