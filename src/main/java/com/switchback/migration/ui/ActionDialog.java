package com.switchback.migration.ui;

import com.switchback.base.i18n.Texts;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.migration.ActionOptions;
import com.switchback.migration.CheckSummary;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationWindow;
import com.switchback.migration.RequestPlan;
import com.switchback.base.ui.UserTime;
import com.switchback.migration.RequestConditions;
import com.switchback.migration.freeze.ChangeFreeze;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationService;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.data.renderer.ComponentRenderer;

/**
 * The confirmation of one action. With an endpoint option the user must choose one explicitly,
 * and a reason is always required; the confirm button disables itself on the first click, so a double click
 * sends one request.
 */
class ActionDialog extends Dialog {

    /** Hands the confirmed action on; returns false to keep the dialog open (the reason is shown). */
    @FunctionalInterface
    interface Submit {
        boolean submit(MigrationAction action, ActionOptions options, String reason, boolean emergency,
                       Set<String> acknowledgedWarnings, RequestConditions conditions);
    }

    /** Says what happens on click: "Request rollback" when a team lead decides, "Roll back now" otherwise. */
    final Button ok = new Button();
    /** The one dismiss label of every dialog ("Cancel" would read as Cancel Migration). */
    static final String DISMISS = "dialog.close";
    final Button close = new Button(t(DISMISS), e -> dismiss());
    final RadioButtonGroup<Boolean> option;
    final TextArea reason = new TextArea(t("dialog.reasonRequired"));
    final Checkbox emergency = new Checkbox(t("dialog.emergencyRunNowWithout"));
    final Checkbox continueBinlog = new Checkbox(t("dialog.keepBinaryLoggingOn"), true);
    final Checkbox acknowledge = new Checkbox(t("dialog.iHaveReadThe"));
    final Checkbox inWindow = new Checkbox(t("dialog.runOnlyInA"));
    /** In the person's own time zone, as every time on the page. */
    final DateTimePicker windowStart = com.switchback.base.ui.Pickers.of(t("common.fromZone", UserTime.zoneLabel()));
    final DateTimePicker windowEnd = com.switchback.base.ui.Pickers.of(t("common.untilZone", UserTime.zoneLabel()));
    final Checkbox freezeException = new Checkbox(t("dialog.freezeExceptionTwoTeam"));
    private Set<String> warnings = Set.of();
    private boolean needsApproval;

    private final MigrationAction action;
    private final VerticalLayout content;

    private ActionDialog(MigrationAction action, String title, Component body, RadioButtonGroup<Boolean> option,
                         Submit submit) {
        this.action = action;
        this.option = option;
        setHeaderTitle(title);
        setModal(true);
        // Escape must not silently drop a typed reason.
        addDialogCloseActionListener(e -> dismiss());
        setWidth("min(46em, 95vw)");
        setCloseOnOutsideClick(false);
        content = new VerticalLayout(body);
        content.setPadding(false);
        content.addClassName("sb-dialog-body");
        if (option != null) {
            content.add(option);
            option.addValueChangeListener(e -> updateOk());
        }
        reason.setMaxLength(MigrationService.MAX_REASON);
        reason.setWidthFull();
        reason.setHelperText(t("dialog.whyNowKeptWith"));
        reason.setValueChangeMode(ValueChangeMode.EAGER);
        reason.addValueChangeListener(e -> updateOk());
        emergency.setVisible(false);
        continueBinlog.setVisible(false);
        continueBinlog.setHelperText(t("dialog.binlogHelp"));
        windowStart.setStep(java.time.Duration.ofMinutes(15));
        windowEnd.setStep(java.time.Duration.ofMinutes(15));
        var window = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(windowStart, windowEnd);
        window.setVisible(false);
        window.addClassName("sb-window-fields");
        inWindow.setHelperText(t("dialog.itStartsOnlyBetween"));
        inWindow.addValueChangeListener(e -> {
            window.setVisible(e.getValue());
            if (e.getValue() && windowStart.isEmpty()) {
                var start = UserTime.toPicker(Instant.now()).plusHours(1).truncatedTo(ChronoUnit.HOURS);
                windowStart.setValue(start);
                windowEnd.setValue(start.plusHours(2));
            }
            updateOk();
        });
        windowStart.addValueChangeListener(e -> updateOk());
        windowEnd.addValueChangeListener(e -> updateOk());
        freezeException.setVisible(false);
        freezeException.addValueChangeListener(e -> updateOk());
        content.add(continueBinlog, reason, inWindow, window, freezeException, emergency);
        add(content);
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ok.addClassName("sb-confirm");
        emergency.addValueChangeListener(e -> updateOk());
        ok.setDisableOnClick(true);
        ok.addClickListener(e -> {
            boolean swap = option != null && Boolean.TRUE.equals(option.getValue());
            var options = new ActionOptions(swap, continueBinlog.getValue());
            Set<String> acknowledged = acknowledge.getValue() ? warnings : Set.of();
            if (submit.submit(action, options, reason.getValue(), emergency.getValue(), acknowledged, conditions())) {
                close();
            } else {
                updateOk();
            }
        });
        updateOk();
        getFooter().add(close, ok);
    }

    /** The maintenance window and freeze exception as chosen (a window only when ticked). */
    RequestConditions conditions() {
        boolean exception = freezeException.isVisible() && freezeException.getValue();
        if (!inWindow.getValue()) {
            return new RequestConditions(null, null, exception);
        }
        return new RequestConditions(UserTime.fromPicker(windowStart.getValue()), UserTime.fromPicker(windowEnd.getValue()),
                exception);
    }

    /**
     * Says that a change freeze is in force: an action it allows says so; any other may only be asked
     * for as a freeze exception (ticked, and required), and the emergency path is closed.
     */
    ActionDialog withFreeze(ChangeFreeze freeze, boolean actionAllowed) {
        if (freeze == null) {
            return this;
        }
        Paragraph line = new Paragraph(actionAllowed ? t("dialog.freezeAllowed", Said.freeze(freeze), Texts.label(action))
                : t("dialog.freezeExceptionOnly", Said.freeze(freeze)));
        line.addClassNames("sb-banner", "sb-banner-warning", "sb-freeze");
        content.addComponentAtIndex(1, line);
        if (!actionAllowed) {
            freezeException.setVisible(true);
            emergency.setVisible(false);
            emergency.setValue(false);
        }
        updateOk();
        return this;
    }

    /** Closes, asking first when a reason was typed (it would be lost). */
    void dismiss() {
        if (reason.getValue().isBlank()) {
            close();
            return;
        }
        var confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog("Discard what you typed?",
                t("dialog.theReasonYouTyped"), t("dialog.discard"), e -> close());
        confirm.setCancelable(true);
        confirm.setCancelText(t("dialog.keepEditing"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** Names the cluster under the title, so nobody acts on the wrong one from a second tab. */
    ActionDialog forCluster(String clusterId, String description) {
        Span subtitle = new Span(clusterId + (description == null || description.isBlank() ? "" : " — " + description));
        subtitle.addClassName("sb-dialog-cluster");
        getHeader().add(subtitle);
        return this;
    }

    /** One line on what happens next: nothing, until a team lead approves (when the policy says so). */
    ActionDialog withApprovalLine(boolean needsApproval) {
        this.needsApproval = needsApproval;
        updateOk();
        if (needsApproval) {
            Paragraph line = new Paragraph(t("dialog.nothingChangesUntilA"));
            line.addClassName("sb-approval-line");
            content.addComponentAtIndex(Math.min(1, content.getComponentCount()), line);
        }
        return this;
    }

    /** Shows each endpoint: where it routes now, after, and read/write after; follows the option chosen. */
    ActionDialog withEndpointPicture(MigrationSnapshot snapshot) {
        EndpointTable table = new EndpointTable(snapshot, action);
        table.show(option == null ? null : option.getValue());
        if (option != null) {
            option.addValueChangeListener(e -> table.show(e.getValue()));
        }
        content.addComponentAtIndex(1, table);
        if (snapshot.expiredTime() != null) {
            var now = Instant.now();
            Paragraph window = new Paragraph(t("dialog.migrationWindow", com.switchback.base.ui.UserTime.format(
                    snapshot.expiredTime()), Said.remaining(snapshot.expiredTime(), now)));
            var urgency = MigrationWindow.urgency(snapshot.expiredTime(), now);
            window.addClassName(urgency == MigrationWindow.Urgency.NONE ? "sb-window"
                    : urgency == MigrationWindow.Urgency.WARNING ? "sb-window-warning"
                    : "sb-window-danger");
            content.addComponentAtIndex(2, window);
        }
        return this;
    }

    /** Asks whether to keep binary logging on after closing (Cancel and Complete, where the backend asks). */
    ActionDialog withBinlogChoice(boolean offered) {
        continueBinlog.setVisible(offered);
        return this;
    }

    /** Offers the emergency path (policy on, and the user a team lead). */
    ActionDialog withEmergencyOption(boolean offered) {
        emergency.setVisible(offered);
        return this;
    }

    /**
     * Shows the checks the action would meet now: a failure is shown (the first step will refuse it),
     * a warning must be acknowledged before OK, and the acknowledgement is kept with the request.
     */
    ActionDialog withChecks(List<RequestPlan.Check> checks) {
        var shown = checks.stream().filter(c -> c.warning() || !c.passed()).toList();
        if (shown.isEmpty()) {
            return this;
        }
        Div list = new Div();
        list.addClassName("sb-dialog-checks");
        for (var c : shown) {
            Span line = new Span((c.warning() ? "⚠ " : "✗ ") + com.switchback.migration.ui.CheckNames.of(c.name()) + " — " + c.detail()
                    + (c.fix().isEmpty() ? "" : " " + t("readiness.fix", c.fix())));
            line.addClassName(c.warning() ? "sb-check-warn" : "sb-check-fail");
            list.add(new Div(line));
        }
        warnings = Set.copyOf(CheckSummary.warningNames(checks));
        content.addComponentAtIndex(1, list);
        if (!warnings.isEmpty()) {
            content.addComponentAtIndex(2, acknowledge);
            acknowledge.addValueChangeListener(e -> updateOk());
        }
        updateOk();
        return this;
    }

    private void updateOk() {
        boolean chosen = option == null || option.getValue() != null;
        boolean acknowledged = warnings.isEmpty() || acknowledge.getValue();
        boolean exceptionMet = !freezeException.isVisible() || freezeException.getValue();
        var badWindow = conditions().windowRefusal(Instant.now());
        windowEnd.setInvalid(inWindow.getValue() && badWindow != null);
        windowEnd.setErrorMessage(badWindow == null ? null : t(badWindow));
        ok.setEnabled(chosen && acknowledged && exceptionMet && badWindow == null && !reason.getValue().isBlank());
        boolean waits = (needsApproval || freezeException.getValue()) && !emergency.getValue();
        ok.setText(waits ? ActionTexts.requestLabel(action) : ActionTexts.nowLabel(action));
    }

    static ActionDialog rollBack(Submit submit) {
        RadioButtonGroup<Boolean> option = options(t("dialog.switchbackMethod"),
                t(ActionTexts.ROLLBACK_WITH_ENDPOINTS), t(ActionTexts.ROLLBACK_WITH_ENDPOINTS_HELP),
                t(ActionTexts.ROLLBACK_WITHOUT_ENDPOINTS), t(ActionTexts.ROLLBACK_WITHOUT_ENDPOINTS_HELP));
        return new ActionDialog(MigrationAction.ROLL_BACK, t(ActionTexts.ROLLBACK_TITLE),
                new Div(new Paragraph(t(ActionTexts.ROLLBACK_GUIDANCE)), new Paragraph(t(ActionTexts.ROLLBACK_EFFECT))), option,
                submit);
    }

    static ActionDialog switchOver(int latencySeconds, Submit submit) {
        RadioButtonGroup<Boolean> option = options(t("dialog.endpoints"),
                t(ActionTexts.SWITCH_WITH_ENDPOINTS), t(ActionTexts.SWITCH_WITH_ENDPOINTS_HELP),
                t(ActionTexts.SWITCH_WITHOUT_ENDPOINTS), t(ActionTexts.SWITCH_WITHOUT_ENDPOINTS_HELP));
        Span precondition = new Span(LatencyCheck.describe(latencySeconds));
        precondition.addClassName("sb-banner");
        precondition.addClassName(LatencyCheck.passes(latencySeconds) ? "sb-banner-success" : "sb-banner-error");
        Div body = new Div(new Paragraph(t(ActionTexts.SWITCH_EFFECT)), new Paragraph(t(ActionTexts.SWITCH_GUIDANCE)), precondition);
        return new ActionDialog(MigrationAction.SWITCH_OVER, t(ActionTexts.SWITCH_TITLE), body, option, submit);
    }

    static ActionDialog cancel(Submit submit) {
        // Irreversible, like Complete: the same red banner and the same red button.
        Paragraph warning = new Paragraph(t(ActionTexts.CANCEL_MESSAGE));
        warning.addClassNames("sb-banner", "sb-banner-error");
        ActionDialog d = new ActionDialog(MigrationAction.CANCEL, t(ActionTexts.CANCEL_TITLE),
                new Div(new Paragraph(t(ActionTexts.CANCEL_GUIDANCE)), warning), null, submit);
        d.ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return d;
    }

    static ActionDialog complete(Submit submit) {
        Paragraph warning = new Paragraph(t(ActionTexts.COMPLETE_MESSAGE));
        warning.addClassNames("sb-banner", "sb-banner-error");
        ActionDialog d = new ActionDialog(MigrationAction.COMPLETE, t(ActionTexts.COMPLETE_TITLE),
                new Div(warning, new Paragraph(t(ActionTexts.COMPLETE_GUIDANCE))), null, submit);
        d.ok.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return d;
    }

    static ActionDialog repair(Submit submit) {
        Paragraph message = new Paragraph(t(ActionTexts.REPAIR_MESSAGE));
        message.addClassNames("sb-banner", "sb-banner-warning");
        return new ActionDialog(MigrationAction.REPAIR, t(ActionTexts.REPAIR_TITLE), message, null, submit);
    }

    private static RadioButtonGroup<Boolean> options(String label, String withTitle, String withHelp,
                                                     String withoutTitle, String withoutHelp) {
        RadioButtonGroup<Boolean> group = new RadioButtonGroup<>(label);
        group.setItems(true, false);
        group.setRenderer(new ComponentRenderer<>(swap -> {
            Span help = new Span(swap ? withHelp : withoutHelp);
            help.addClassName("sb-option-help");
            Div d = new Div(new Div(new Span(swap ? withTitle : withoutTitle)), help);
            return d;
        }));
        group.addThemeName("vertical");
        return group;
    }
}
