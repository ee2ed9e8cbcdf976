package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;
import com.switchback.base.ui.Changed;

import com.switchback.base.i18n.Texts;

import com.switchback.base.ui.CurrentUser;
import com.switchback.base.ui.Notifications;
import com.switchback.migration.MigrationOverview;
import com.switchback.migration.MigrationRequest;
import com.switchback.migration.RequestState;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;

/**
 * The cluster's latest request: its state as a badge, what it is, how far it has run (step n of m),
 * the write pause it caused, its decision and failure, and its steps; Withdraw for its requester,
 * Retry where the failure left the action half done. Links to the request page.
 */
class LatestRequest extends Div {

    final Button withdraw;
    final Button retry;
    /** Made when there is a first request to show: a hidden grid would hold its set-up for the page until then. */
    StepsGrid steps;
    private final CurrentUser user;
    private final Span stateBadge = new Span();
    private final Span summary = new Span();
    private final Anchor page = new Anchor();
    private final Span progress = new Span();
    private final Span writePause = new Span();
    private final Span decision = new Span();
    private final Div failure = new Div();
    private MigrationRequest lastSeen;

    LatestRequest(CurrentUser user, Runnable withdraw, Runnable retry) {
        this.user = user;
        this.withdraw = new Button(t("latest.withdrawRequest"), e -> withdraw.run());
        this.retry = new Button(t("latest.retryFromTheFailed"), e -> retry.run());
        failure.addClassNames("sb-banner", "sb-banner-error");
        decision.addClassName("sb-decision");
        writePause.addClassName("sb-write-pause");
        progress.addClassName("sb-progress");
        stateBadge.addClassName("sb-request-state");
        page.setText(t("latest.openTheRequestPage"));
        page.addClassName("sb-request-link");
        add(new H4(t("latest.latestRequest")), new Div(stateBadge, summary, new Span(" "), page), progress, writePause, decision,
                this.withdraw, failure, this.retry);
    }

    void show(MigrationOverview current) {
        var latest = current.latestRequest();
        setVisible(latest.isPresent());
        if (latest.isEmpty()) {
            return;
        }
        var r = latest.get();
        String option = r.optionLabelKey().isEmpty() ? "" : " · " + t(r.optionLabelKey());
        RequestBadge.show(stateBadge, r.state());
        Changed.text(summary, t("latest.summary", r.id(), Texts.label(r.action()) + option, r.requestedBy(),
                com.switchback.base.ui.UserTime.format(r.requestedAt()))
                + (r.emergency() ? t("latest.emergencyNoApproval") : ""));
        page.setHref("requests/" + r.id());
        String running = RequestProgress.describe(r, current.steps(), current.snapshot(), Instant.now());
        Changed.text(progress, running);
        progress.setVisible(!running.isEmpty());
        Changed.text(writePause, r.writePauseText() == null ? "" : t(r.writePauseText()));
        writePause.setVisible(r.writePauseText() != null);
        Changed.text(decision, RequestTexts.decision(r));
        withdraw.setVisible(r.withdrawableBy(user.name()));
        failure.setVisible(r.error() != null);
        failure.setClassName("sb-safety-stop", r.safetyStop());
        retry.setVisible(user.mayOperate() && current.retryable());
        if (r.error() != null) {
            Changed.text(failure, (r.safetyStop() ? t("latest.safetyStop") : "") + r.error()
                    + (r.stateLeft() == null ? "" : t("latest.stateLeft", r.stateLeft())));
        }
        if (steps == null) {
            steps = new StepsGrid();
            add(steps);
        }
        steps.show(current.steps());
        // A request that never ran shows its plan greyed out, not as steps "pending" forever.
        steps.setClassName("sb-steps-not-run", r.neverRan());
        announceDecision(r);
    }

    /**
     * Anyone watching hears of a decision the moment it is made; the requester is told by their
     * notice (on whatever page they are), so they get one message, not two.
     */
    private void announceDecision(MigrationRequest r) {
        if (lastSeen != null && lastSeen.id() == r.id() && lastSeen.state() == RequestState.PENDING
                && r.state() != RequestState.PENDING && isAttached() && !r.requestedBy().equals(user.name())) {
            String text = r.decidedBy() == null ? t("latest.decided", r.id(), Texts.label(r.state()))
                    : t("latest.decidedBy", r.id(), Texts.label(r.state()), r.decidedBy());
            if (r.state() == RequestState.APPROVED) {
                Notifications.success(text);
            } else {
                Notifications.error(text);
            }
        }
        lastSeen = r;
    }
}
