package com.switchback.migration.ui;

import com.switchback.base.ui.Facts;
import com.switchback.base.Formats;
import com.switchback.migration.ActionRefusedException;
import com.switchback.migration.ActionRules;
import com.switchback.migration.ActionOptions;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationOverview;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.MigrationService;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.MigrationWindow;
import com.switchback.migration.ReadWriteMode;
import com.switchback.migration.RequestState;
import com.switchback.base.ui.CurrentUser;
import com.switchback.base.ui.Notifications;
import com.switchback.migration.Topology;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/**
 * The RDS Migration section of a cluster: the live status, the four action buttons (each enabled
 * only when the state machine and the user's role allow it, and saying why not otherwise), and
 * the latest request with its steps, all updated through push as the migration service works.
 */
public class RdsMigrationSection extends Div {

    static final String ENDPOINT_NOTICE = "Source RDS is Read/Write again: update your application's database "
            + "endpoint to the source RDS instance now.";

    private final String clusterId;
    private final MigrationService service;
    private final boolean mayOperate;
    private final CurrentUser user;
    final Button withdraw = new Button("Withdraw request", e -> withdraw());
    final Button retry = new Button("Retry from the failed step", e -> retry());
    private final Span decision = new Span();

    private final Div status = new Div();
    private final Span statusRaw = new Span();
    private final Span statusLabel = new Span();
    private final Span latency = new Span();
    private final Span sourceRds = new Span();
    /** "Source RDS", or "Source PolarDB" when a PolarDB cluster is upgraded to a new major version. */
    private final Span sourceLabel;
    private final Span sourceModeLabel;
    private final Span rdsMode = new Span();
    private final Span clusterMode = new Span();
    private final Span direction = new Span();
    private final Span expiry = new Span();
    private final Div exception = new Div();
    private final Div endpointNotice = new Div();
    final Map<MigrationAction, Button> buttons = new EnumMap<>(MigrationAction.class);
    private final Map<MigrationAction, Span> reasons = new EnumMap<>(MigrationAction.class);
    private final Div request = new Div();
    private final Span requestSummary = new Span();
    /** The state of the latest request as a coloured badge, beside its number. */
    private final Span stateBadge = new Span();
    /** One line while a request is open: why every action is locked (rather than the same reason on each). */
    private final Div locked = new Div();
    private final Span writePause = new Span();
    private final Span progress = new Span();
    private final Div failure = new Div();
    final StepsGrid steps = new StepsGrid();

    private MigrationOverview current;
    private boolean noticeWasShowing;
    private MigrationRequest lastSeen;
    private Consumer<MigrationOverview> refreshListener = o -> { };

    public RdsMigrationSection(String clusterId, MigrationService service, MigrationEvents events, CurrentUser user) {
        this.clusterId = clusterId;
        this.service = service;
        this.user = user;
        this.mayOperate = user.mayOperate();
        addClassName("sb-section");

        statusRaw.addClassName("sb-raw");
        status.add(statusRaw, statusLabel);
        Facts facts = new Facts();
        facts.add("Status", status);
        facts.add("Replication Latency", latency);
        sourceLabel = facts.add("Source RDS", sourceRds);
        facts.add("Sync Direction", direction);
        sourceModeLabel = facts.add("Source RDS Read/Write Status", rdsMode);
        facts.add("PolarDB Read/Write Status", clusterMode);
        facts.add("Window Expires", expiry);

        exception.addClassNames("sb-banner", "sb-banner-error");
        endpointNotice.addClassNames("sb-banner", "sb-banner-warning");
        endpointNotice.getElement().setAttribute("role", "alert");

        FlexLayout actions = new FlexLayout();
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-m)");
        for (MigrationAction action : MigrationAction.values()) {
            Button b = new Button(action.title(), e -> open(action));
            if (action == MigrationAction.REPAIR) {
                b.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_ERROR);
            }
            Span reason = new Span();
            reason.addClassName("sb-reason");
            buttons.put(action, b);
            reasons.put(action, reason);
            VerticalLayout cell = new VerticalLayout(b, reason);
            cell.setPadding(false);
            cell.addClassName("sb-action");
            actions.add(cell);
        }

        failure.addClassNames("sb-banner", "sb-banner-error");
        decision.addClassName("sb-decision");
        writePause.addClassName("sb-write-pause");
        progress.addClassName("sb-progress");
        stateBadge.addClassName("sb-request-state");
        request.add(new H4("Latest request"), new Div(stateBadge, requestSummary), progress, writePause, decision, withdraw, failure, retry, steps);

        locked.addClassNames("sb-banner", "sb-locked");
        add(new H3("RDS Migration"), exception, endpointNotice, facts, locked, actions, request);
        refresh();
        addAttachListener(e -> refresh());
        LiveUpdates.whileAttached(this, events, changed -> {
            if (changed.contains(clusterId)) {
                refresh();
            }
        });
    }

    private String description = "";

    /** The cluster's description, for the action dialogs' subtitle. */
    public void describedAs(String description) {
        this.description = description == null ? "" : description;
    }

    /** Called after each refresh with what was read (the cluster view updates its endpoints). */
    public void onRefresh(Consumer<MigrationOverview> listener) {
        this.refreshListener = listener;
        if (current != null) {
            listener.accept(current);
        }
    }

    /** Re-reads the migration and updates everything shown. */
    public void refresh() {
        var overview = service.overview(clusterId);
        if (overview.isEmpty()) {
            return;
        }
        current = overview.get();
        MigrationSnapshot s = current.snapshot();
        statusRaw.setText(s.status());
        statusLabel.setText(" — " + MigrationStatus.labelOf(s.status()));
        latency.setText(Formats.latency(s.delayedSeconds()));
        latency.setClassName("sb-latency-high", s.delayedSeconds() >= ActionRules.MAX_SWITCH_OVER_LATENCY_SECONDS);
        sourceRds.setText(s.sourceRdsId() == null ? "—" : s.sourceRdsId());
        sourceLabel.setText(s.sourceLabel());
        sourceModeLabel.setText(s.sourceLabel() + " Read/Write Status");
        rdsMode.setText(ReadWriteMode.labelOf(s.rdsMode()));
        clusterMode.setText(ReadWriteMode.labelOf(s.clusterMode()));
        direction.setText(Topology.labelOf(s.topology()));
        expiry.setText(s.expiredTime() == null ? "No window"
                : Formats.utc(s.expiredTime()) + " — " + MigrationWindow.remaining(s.expiredTime(), java.time.Instant.now())
                  + " (the link closes automatically then)");
        var urgency = MigrationWindow.urgency(s.expiredTime(), java.time.Instant.now());
        expiry.setClassName("sb-window-warning", urgency == MigrationWindow.Urgency.WARNING);
        expiry.setClassName("sb-window-danger", urgency == MigrationWindow.Urgency.DANGER
                || urgency == MigrationWindow.Urgency.EXPIRED);
        exception.setText("Exception: " + s.comment());
        exception.setVisible(!s.comment().isEmpty());
        updateButtons(s);
        updateRequest();
        updateEndpointNotice(s);
        refreshListener.accept(current);
    }

    private void updateButtons(MigrationSnapshot s) {
        var open = current.openRequest();
        locked.setVisible(open.isPresent());
        open.ifPresent(r -> locked.setText("Request #" + r.id() + " (" + r.action().title() + ") is "
                + r.state().name().toLowerCase() + " — actions locked until it "
                + (r.state() == RequestState.PENDING ? "is decided." : "ends.")));
        for (MigrationAction action : MigrationAction.values()) {
            String reason;
            if (!mayOperate) {
                reason = "Your role can view migrations but not act on them.";
            } else if (open.isPresent()) {
                reason = "Request #" + open.get().id() + " (" + open.get().action().title() + ") is "
                        + open.get().state().name().toLowerCase() + ".";
            } else {
                reason = ActionRules.check(s.status(), s.delayedSeconds(), action).reason();
            }
            if (action == MigrationAction.REPAIR) {
                // Repair shows only where there is something to repair.
                reason = current.repairNeeded() ? (mayOperate ? "" : "Your role can view migrations but not act on them.")
                        : "The pair is settled: there is nothing to repair.";
            }
            Button b = buttons.get(action);
            b.setEnabled(reason.isEmpty());
            // Said once above the buttons while a request is open; each button keeps it as its tooltip.
            boolean saidAbove = open.isPresent() && mayOperate && action != MigrationAction.REPAIR;
            if (action == MigrationAction.REPAIR) {
                b.getParent().ifPresent(cell -> cell.setVisible(current.repairNeeded()));
            }
            b.setTooltipText(reason.isEmpty() ? null : reason);
            reasons.get(action).setText(action == MigrationAction.REPAIR && reason.isEmpty()
                    ? "Left half way (" + s.status() + ") with no request running: Repair brings the pair to one "
                      + "writer and a consistent link." : saidAbove ? "" : reason);
        }
    }

    private void updateRequest() {
        var latest = current.latestRequest();
        request.setVisible(latest.isPresent());
        if (latest.isEmpty()) {
            return;
        }
        var r = latest.get();
        String option = r.optionLabel().isEmpty() ? "" : " · " + r.optionLabel();
        RequestBadge.show(stateBadge, r.state());
        requestSummary.setText(" #" + r.id() + " · " + r.action().title() + option + " · requested by "
                + r.requestedBy() + " at " + Formats.utc(r.requestedAt())
                + (r.emergency() ? " · EMERGENCY (no approval)" : ""));
        String running = RequestProgress.describe(r, current.steps(), current.snapshot(), java.time.Instant.now());
        progress.setText(running);
        progress.setVisible(!running.isEmpty());
        writePause.setText(r.writePause());
        writePause.setVisible(!r.writePause().isEmpty());
        decision.setText(RequestTexts.decision(r));
        withdraw.setVisible(r.requestedBy().equals(user.name()) && r.state().withdrawable());
        failure.setVisible(r.error() != null);
        failure.setClassName("sb-safety-stop", r.safetyStop());
        retry.setVisible(mayOperate && current.retryable());
        if (r.error() != null) {
            failure.setText((r.safetyStop() ? "SAFETY STOP — " : "") + r.error()
                    + (r.stateLeft() == null ? "" : " State left behind: " + r.stateLeft()));
        }
        steps.show(current.steps());
        // A request that never ran shows its plan greyed out, not as steps "pending" forever.
        steps.setClassName("sb-steps-not-run", !r.state().open() && r.startedAt() == null);
        announceDecision(r);
    }

    /**
     * Anyone watching hears of a decision the moment it is made; the requester is told by their
     * notice (on whatever page they are), so they get one message, not two.
     */
    private void announceDecision(MigrationRequest r) {
        if (lastSeen != null && lastSeen.id() == r.id() && lastSeen.state() == RequestState.PENDING
                && r.state() != RequestState.PENDING && isAttached() && !r.requestedBy().equals(user.name())) {
            String text = "Request #" + r.id() + " " + r.state().name().toLowerCase()
                    + (r.decidedBy() == null ? "." : " by " + r.decidedBy() + ".");
            if (r.state() == RequestState.APPROVED) {
                Notifications.success(text);
            } else {
                Notifications.error(text);
            }
        }
        lastSeen = r;
    }

    /** After a rollback without endpoints, the application must move back to RDS once RDS is writable. */
    private void updateEndpointNotice(MigrationSnapshot s) {
        boolean show = current.latestRequest()
                .filter(r -> r.action() == MigrationAction.ROLL_BACK && !r.swapEndpoints())
                .filter(r -> r.state() == RequestState.EXECUTING || r.state() == RequestState.SUCCEEDED)
                .isPresent() && s.rdsMode() == ReadWriteMode.rw;
        // Named from where HAProxy or the service routes them now, never from their names.
        var reaching = s.endpointsReaching(com.switchback.migration.Endpoint.Side.RDS);
        String where = reaching.stream().map(e -> e.address() + " (" + e.endpointId() + ", " + e.netType() + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        endpointNotice.setText(ENDPOINT_NOTICE + (reaching.isEmpty()
                ? " No endpoint routes to it now: ask your network administrator."
                : (reaching.size() == 1 ? " The endpoint that reaches it now: " : " The endpoints that reach it now: ")
                  + where + "."));
        endpointNotice.setVisible(show);
        if (show && !noticeWasShowing && isAttached()) {
            Notification n = new Notification();
            n.add(new Span(ENDPOINT_NOTICE), new Button("Got it", e -> n.close()));
            n.setDuration(0);
            n.setPosition(Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_WARNING);
            n.open();
        }
        noticeWasShowing = show;
    }

    private void open(MigrationAction action) {
        ActionDialog.Submit submit = this::submit;
        ActionDialog dialog = switch (action) {
            case SWITCH_OVER -> ActionDialog.switchOver(current.snapshot().delayedSeconds(), submit);
            case ROLL_BACK -> ActionDialog.rollBack(submit);
            case CANCEL -> ActionDialog.cancel(submit);
            case COMPLETE -> ActionDialog.complete(submit);
            case REPAIR -> ActionDialog.repair(submit);
        };
        boolean closes = action == MigrationAction.CANCEL || action == MigrationAction.COMPLETE;
        if (action != MigrationAction.REPAIR) {
            dialog.withEndpointPicture(current.snapshot());
        }
        dialog.forCluster(clusterId, description)
                .withApprovalLine(service.policy().needsApproval(action));
        dialog.withChecks(service.checks(clusterId, action, ActionOptions.swap(action.hasEndpointOption())));
        dialog.withBinlogChoice(closes && current.asksContinueBinlog())
                .withEmergencyOption(service.policy().emergencyEnabled() && user.mayApprove()).open();
    }

    private boolean submit(MigrationAction action, ActionOptions options, String reason, boolean emergency,
                           java.util.Set<String> acknowledgedWarnings) {
        try {
            var r = emergency ? service.requestEmergency(clusterId, action, options, reason, acknowledgedWarnings)
                    : service.request(clusterId, action, options, reason, acknowledgedWarnings);
            String next = r.state() == RequestState.PENDING
                    ? "it waits for a team lead's approval." : "the migration service is carrying it out.";
            Notifications.success(action.title() + " requested (#" + r.id() + "): " + next);
            refresh();
            return true;
        } catch (ActionRefusedException e) {
            Notifications.error(e.getMessage());
            refresh();
            return true;
        } catch (AccessDeniedException e) {
            Notifications.error("Your role may not request this.");
            return true;
        }
    }

    private void retry() {
        current.latestRequest().ifPresent(r -> new RetryDialog(r, why -> {
            try {
                service.retry(r.id(), why);
                Notifications.success("Request #" + r.id() + " goes on from its failed step.");
                refresh();
                return true;
            } catch (ActionRefusedException e) {
                Notifications.error(e.getMessage());
                return false;
            } catch (AccessDeniedException e) {
                Notifications.error("Your role may not retry this.");
                return true;
            }
        }).open());
    }

    private void withdraw() {
        current.openRequest().ifPresent(r -> {
            try {
                service.withdraw(r.id());
                Notifications.success("Request #" + r.id() + " withdrawn.");
            } catch (ActionRefusedException e) {
                Notifications.error(e.getMessage());
            }
            refresh();
        });
    }

}
