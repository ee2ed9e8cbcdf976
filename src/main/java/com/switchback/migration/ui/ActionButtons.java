package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;
import com.switchback.base.ui.Changed;

import com.switchback.base.i18n.Text;
import com.switchback.base.i18n.Texts;

import com.switchback.migration.ActionRules;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationOverview;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.RequestState;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The action buttons: each enabled only when the state machine and the user's role allow it, and
 * saying why not otherwise; while a request is open, one line above them says so instead.
 */
class ActionButtons extends Div {

    private static final String VIEW_ONLY = "actions.yourRoleCanView";

    final Map<MigrationAction, Button> buttons = new EnumMap<>(MigrationAction.class);
    private final Map<MigrationAction, Span> reasons = new EnumMap<>(MigrationAction.class);
    /** Each button's tooltip as last set (a tooltip is a component of its own: set only when it changes). */
    private final Map<MigrationAction, String> tooltips = new EnumMap<>(MigrationAction.class);
    /** One line while a request is open: why every action is locked (rather than the same reason on each). */
    private final Div locked = new Div();
    private final boolean mayOperate;
    private final Map<MigrationAction, Shown> shown = new EnumMap<>(MigrationAction.class);

    ActionButtons(boolean mayOperate, Consumer<MigrationAction> open) {
        this.mayOperate = mayOperate;
        FlexLayout actions = new FlexLayout();
        actions.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        actions.getStyle().set("gap", "var(--lumo-space-m)");
        for (MigrationAction action : MigrationAction.values()) {
            Button b = new Button(Texts.label(action), e -> open.accept(action));
            if (action == MigrationAction.REPAIR) {
                b.addThemeVariants(ButtonVariant.LUMO_ERROR);
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
        locked.addClassNames("sb-banner", "sb-locked");
        add(locked, actions);
    }

    void show(MigrationOverview current) {
        MigrationSnapshot s = current.snapshot();
        var open = current.openRequest();
        locked.setVisible(open.isPresent());
        open.ifPresent(r -> Changed.text(locked, t(r.state() == RequestState.PENDING ? "actions.lockedUntilDecided" : "actions.lockedUntilEnds",
                r.id(), Texts.label(r.action()), Texts.label(r.state()))));
        for (MigrationAction action : MigrationAction.values()) {
            Text why = why(action, current);
            // Said once above the buttons while a request is open; each button keeps it as its tooltip.
            boolean saidAbove = open.isPresent() && mayOperate && action != MigrationAction.REPAIR;
            Shown now = new Shown(why, saidAbove, current.repairNeeded(), action == MigrationAction.REPAIR ? s.status() : null);
            if (now.equals(shown.put(action, now))) {
                // Most live changes move nothing a button says: nothing to work out again.
                continue;
            }
            String reason = why == null ? "" : t(why);
            Button b = buttons.get(action);
            if (b.isEnabled() != reason.isEmpty()) {
                // Each call also re-sends the button's disable-on-click script to the page.
                b.setEnabled(reason.isEmpty());
            }
            if (action == MigrationAction.REPAIR) {
                b.getParent().ifPresent(cell -> cell.setVisible(current.repairNeeded()));
            }
            if (!reason.equals(tooltips.put(action, reason))) {
                b.setTooltipText(reason.isEmpty() ? null : reason);
            }
            Changed.text(reasons.get(action), action == MigrationAction.REPAIR && reason.isEmpty()
                    ? t("actions.leftHalfWay", s.status()) : saidAbove ? "" : reason);
        }
    }

    /** What each button was last made to say, from what it depends on. */
    private record Shown(Text why, boolean saidAbove, boolean repairNeeded, String status) {
    }

    /** Why the action may not be asked for now ({@code null}: it may). */
    private Text why(MigrationAction action, MigrationOverview current) {
        var open = current.openRequest();
        if (action == MigrationAction.REPAIR) {
            // Repair shows only where there is something to repair.
            return current.repairNeeded() ? (mayOperate ? null : Text.of(VIEW_ONLY)) : Text.of("actions.thePairIsSettled");
        } else if (!mayOperate) {
            return Text.of(VIEW_ONLY);
        } else if (open.isPresent()) {
            return Text.of("actions.requestIs", open.get().id(), Text.label(open.get().action()),
                    Text.label(open.get().state()));
        }
        var decision = ActionRules.check(current.snapshot().status(), current.snapshot().delayedSeconds(), action);
        return decision.allowed() ? null : decision.why();
    }
}
