package com.switchback.migration.ui;

import com.switchback.base.i18n.Texts;
import com.switchback.base.ui.Changed;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.ui.Facts;
import com.switchback.migration.ActionRules;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.MigrationWindow;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.util.Objects;

/** The status facts of the RDS Migration section, as the console lists them; the exception comment above them. */
class MigrationFacts extends Div {

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

    MigrationFacts() {
        statusRaw.addClassName("sb-raw");
        status.add(statusRaw, statusLabel);
        Facts facts = new Facts();
        facts.add(t("facts.status"), status);
        facts.add(t("facts.replicationLatency"), latency);
        sourceLabel = facts.add(t("facts.sourceRds"), sourceRds);
        facts.add(t("facts.syncDirection"), direction);
        sourceModeLabel = facts.add(t("facts.sourceRdsReadWrite"), rdsMode);
        facts.add(t("facts.polardbReadWriteStatus"), clusterMode);
        facts.add(t("facts.windowExpires"), expiry);
        exception.addClassNames("sb-banner", "sb-banner-error");
        add(exception, facts);
    }

    /** What was shown last: a live change usually moves one fact (the latency), so only that is said again. */
    private MigrationSnapshot shown;

    void show(MigrationSnapshot s) {
        MigrationSnapshot was = shown;
        shown = s;
        if (was == null || !Objects.equals(was.status(), s.status())) {
            Changed.text(statusRaw, s.status());
            Changed.text(statusLabel, " — " + t(MigrationStatus.labelKey(s.status())));
        }
        if (was == null || was.delayedSeconds() != s.delayedSeconds()) {
            Changed.text(latency, Said.latency(s.delayedSeconds()));
            latency.setClassName("sb-latency-high", s.delayedSeconds() >= ActionRules.MAX_SWITCH_OVER_LATENCY_SECONDS);
        }
        if (was == null || !Objects.equals(was.sourceRdsId(), s.sourceRdsId())
                || !Objects.equals(was.sourceLabelKey(), s.sourceLabelKey())) {
            Changed.text(sourceRds, s.sourceRdsId() == null ? "—" : s.sourceRdsId());
            Changed.text(sourceLabel, t(s.sourceLabelKey()));
            Changed.text(sourceModeLabel, t("facts.sourceReadWrite", t(s.sourceLabelKey())));
        }
        if (was == null || was.rdsMode() != s.rdsMode() || was.clusterMode() != s.clusterMode()
                || was.topology() != s.topology()) {
            Changed.text(rdsMode, Texts.label(s.rdsMode()));
            Changed.text(clusterMode, Texts.label(s.clusterMode()));
            Changed.text(direction, (s.topology() == null ? t("topology.none") : Texts.label(s.topology())));
        }
        // The time left moves on without a change of the migration: said on every refresh.
        Instant now = Instant.now();
        Changed.text(expiry, s.expiredTime() == null ? t("facts.noWindow")
                : com.switchback.base.ui.UserTime.format(s.expiredTime()) + " — " + com.switchback.migration.ui.Said.remaining(s.expiredTime(), now)
                  + t("facts.linkCloses"));
        var urgency = MigrationWindow.urgency(s.expiredTime(), now);
        expiry.setClassName("sb-window-warning", urgency == MigrationWindow.Urgency.WARNING);
        expiry.setClassName("sb-window-danger", urgency == MigrationWindow.Urgency.DANGER
                || urgency == MigrationWindow.Urgency.EXPIRED);
        if (was == null || !was.comment().equals(s.comment())) {
            Changed.text(exception, t("facts.exception", s.comment()));
            exception.setVisible(!s.comment().isEmpty());
        }
    }
}
