package com.switchback.migration.ui;

import com.switchback.base.i18n.Texts;
import com.switchback.base.ui.Changed;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.ActionRefusedException;
import com.switchback.migration.ActionOptions;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationEvents;
import com.switchback.migration.MigrationOverview;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestConditions;
import com.switchback.migration.RequestState;
import com.switchback.migration.freeze.FreezeService;
import com.switchback.base.ui.CurrentUser;
import com.switchback.base.ui.LiveHub;
import com.switchback.base.ui.Notifications;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;

/**
 * The RDS Migration section of a cluster: its parts — the status facts, the endpoint notice, the
 * action buttons and the latest request — under one {@link #refresh()}, which reads the migration
 * once and shows it in each; it also opens the action dialogs and hands their requests on. Updated
 * through push as the migration service works.
 */
public class RdsMigrationSection extends Div {

    private final String clusterId;
    private final MigrationService service;
    private final CurrentUser user;
    private final FreezeService freezes;
    /** A change freeze in force on this cluster, said above everything else. */
    private final com.vaadin.flow.component.html.Paragraph freezeBanner = new com.vaadin.flow.component.html.Paragraph();
    private final MigrationFacts facts = new MigrationFacts();
    private final EndpointNotice endpointNotice = new EndpointNotice();
    final ActionButtons actions;
    final LatestRequest request;
    private MigrationOverview current;
    private Consumer<MigrationOverview> refreshListener = o -> { };
    private String description = "";

    public RdsMigrationSection(String clusterId, MigrationService service, MigrationEvents events, CurrentUser user,
                               FreezeService freezes) {
        this.clusterId = clusterId;
        this.freezes = freezes;
        this.service = service;
        this.user = user;
        this.actions = new ActionButtons(user.mayOperate(), this::open);
        this.request = new LatestRequest(user, this::withdraw, this::retry);
        addClassName("sb-section");
        freezeBanner.addClassNames("sb-banner", "sb-banner-warning", "sb-freeze");
        add(new H3(t("migration.rdsMigration")), freezeBanner, endpointNotice, facts, actions, request);
        refresh();
        addAttachListener(e -> refresh());
        LiveHub.whileAttached(this, events, changed -> {
            if (changed.contains(clusterId)) {
                refresh();
            }
        });
    }

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

    /** Re-reads the migration and shows it in every part. */
    public void refresh() {
        var overview = service.overview(clusterId);
        if (overview.isEmpty()) {
            return;
        }
        current = overview.get();
        var freeze = freezes.inForce(clusterId);
        freezeBanner.setVisible(freeze.isPresent());
        freeze.ifPresent(f -> Changed.text(freezeBanner, t("migration.freezeBanner", Said.freeze(f), String.join(", ",
                freezes.allowedDuringFreeze().stream().map(Texts::label).sorted().toList()))));
        facts.show(current.snapshot());
        actions.show(current);
        request.show(current);
        endpointNotice.show(current);
        refreshListener.accept(current);
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
        boolean closes = action.closesMigration();
        if (action != MigrationAction.REPAIR) {
            dialog.withEndpointPicture(current.snapshot());
        }
        dialog.forCluster(clusterId, description)
                .withApprovalLine(service.policy().needsApproval(action));
        dialog.withChecks(service.checks(clusterId, action, ActionOptions.swap(action.hasEndpointOption())));
        dialog.withBinlogChoice(closes && current.asksContinueBinlog())
                .withEmergencyOption(service.policy().emergencyEnabled() && user.mayApprove())
                .withFreeze(freezes.inForce(clusterId).orElse(null), freezes.allowedDuringFreeze().contains(action))
                .open();
    }

    private boolean submit(MigrationAction action, ActionOptions options, String reason, boolean emergency,
                           java.util.Set<String> acknowledgedWarnings, RequestConditions conditions) {
        try {
            var r = emergency ? service.requestEmergency(clusterId, action, options, reason, acknowledgedWarnings)
                    : service.request(clusterId, action, options, reason, acknowledgedWarnings, conditions);
            String next = r.state() == RequestState.PENDING
                    ? (r.freezeException() ? t("migration.itWaitsForTwo") : t("migration.itWaitsForA"))
                    : r.windowStart() != null ? t("migration.itRuns", Said.window(r))
                    : t("migration.theMigrationServiceIs");
            Notifications.success(t("migration.requested", Texts.label(action), r.id(), next));
            refresh();
            return true;
        } catch (ActionRefusedException e) {
            Notifications.error(t(e.reason()));
            refresh();
            return true;
        } catch (AccessDeniedException e) {
            Notifications.error(t("migration.yourRoleMayNot2"));
            return true;
        }
    }

    private void retry() {
        current.latestRequest().ifPresent(r -> new RetryDialog(r, why -> {
            try {
                service.retry(r.id(), why);
                Notifications.success(t("migration.retried", r.id()));
                refresh();
                return true;
            } catch (ActionRefusedException e) {
                Notifications.error(t(e.reason()));
                return false;
            } catch (AccessDeniedException e) {
                Notifications.error(t("migration.yourRoleMayNot"));
                return true;
            }
        }).open());
    }

    private void withdraw() {
        current.openRequest().ifPresent(r -> {
            try {
                service.withdraw(r.id());
                Notifications.success(t("migration.withdrawn", r.id()));
            } catch (ActionRefusedException e) {
                Notifications.error(t(e.reason()));
            }
            refresh();
        });
    }

}
