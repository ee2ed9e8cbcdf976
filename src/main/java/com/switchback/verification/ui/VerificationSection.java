package com.switchback.verification.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.Formats;
import com.switchback.base.ui.CurrentUser;
import com.switchback.base.ui.FixedColumnsGrid;
import com.switchback.base.ui.Notifications;
import com.switchback.base.ActionRefusedException;
import com.switchback.migration.MigrationEvents;
import com.switchback.base.ui.LiveHub;
import com.switchback.verification.Verification;
import com.switchback.verification.VerificationService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Verify Data on the cluster page: the last verification and its age ("verified clean 3 h ago"),
 * the button that starts one (any DBA or team lead: it only reads), live progress (rows done of
 * rows estimated, rows per second, time left), each table's counts, and the differing keys — the
 * first ones on the page, every one of them in the CSV.
 */
public class VerificationSection extends Div {

    final Button verify = new Button(t("verify.verifyData"));
    final Button cancel = new Button(t("verify.cancelVerification"));
    final Span freshness = new Span();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Grid<Verification.Table> tables = new FixedColumnsGrid<>();
    final Grid<Verification.Difference> differences = new FixedColumnsGrid<>();
    final Div result = new Div();
    /** Why this cluster cannot be verified (its backend), said before anyone clicks. */
    final Span unavailable = new Span();
    private final String clusterId;
    private final VerificationService service;
    private Verification shown;
    /** Whether {@link #shown} is on screen (it may be "none yet"). */
    private boolean drawn;

    public VerificationSection(String clusterId, VerificationService service, MigrationEvents events, CurrentUser user) {
        this.clusterId = clusterId;
        this.service = service;
        addClassNames("sb-section", "sb-verification");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        verify.setDisableOnClick(true);
        verify.addClickListener(e -> start());
        verify.setVisible(user.mayOperate());
        cancel.addClickListener(e -> cancel());
        cancel.setVisible(false);
        freshness.addClassName("sb-verification-freshness");
        progress.setWidth("min(30em, 100%)");
        progressText.addClassName("sb-verification-progress");

        tables.addColumn(Verification.Table::name).setHeader(t("verify.table")).setAutoWidth(true).setFlexGrow(0);
        tables.addColumn(Verification.Table::key).setHeader(t("verify.key")).setAutoWidth(true).setFlexGrow(0);
        tables.addColumn(Verification.Table::rowsCompared).setHeader(t("verify.rowsCompared")).setAutoWidth(true).setFlexGrow(0);
        tables.addColumn(Verification.Table::chunks).setHeader(t("verify.chunks")).setAutoWidth(true).setFlexGrow(0);
        tables.addColumn(Verification.Table::matching).setHeader(t("verify.matching")).setAutoWidth(true).setFlexGrow(0);
        tables.addColumn(Verification.Table::missingOnRds).setHeader(t("verify.missingOnRds")).setAutoWidth(true).setFlexGrow(0);
        tables.addColumn(Verification.Table::missingOnPolardb).setHeader(t("verify.missingOnPolardb")).setAutoWidth(true)
                .setFlexGrow(0);
        tables.addColumn(Verification.Table::different).setHeader(t("verify.different")).setAutoWidth(true).setFlexGrow(0);
        tables.addColumn(VerificationSection::note).setHeader(t("verify.notes")).setFlexGrow(1);
        tables.setAllRowsVisible(true);
        tables.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);

        differences.addColumn(Verification.Difference::table).setHeader(t("verify.table")).setAutoWidth(true).setFlexGrow(0);
        differences.addColumn(d -> d.kind().replace('_', ' ').toLowerCase()).setHeader(t("verify.difference")).setAutoWidth(true)
                .setFlexGrow(0);
        differences.addColumn(Verification.Difference::key).setHeader(t("verify.key")).setFlexGrow(1);
        differences.addThemeVariants(GridVariant.LUMO_COMPACT);
        differences.setAllRowsVisible(true);

        add(new H3(t("verify.dataVerification")), new Paragraph(t("verify.intro")),
                freshness, new HorizontalLayout(verify, cancel), unavailable, progress, progressText, result);
        String why = service.unavailable(clusterId);
        unavailable.setText(why == null ? "" : why);
        unavailable.setVisible(why != null);
        unavailable.addClassName("sb-reason");
        refresh();
        verify.setEnabled(verify.isEnabled() && why == null);
        LiveHub.whileAttached(this, events, changed -> {
            if (changed.contains(clusterId)) {
                refresh();
            }
        });
    }

    /** Re-reads the latest verification; an unchanged one sends nothing to the browser. */
    void refresh() {
        Verification latest = service.latest(clusterId).orElse(null);
        if (drawn && Objects.equals(latest, shown)) {
            return;
        }
        drawn = true;
        shown = latest;
        Instant now = Instant.now();
        freshness.setText(freshnessText(service.latestDone(clusterId).orElse(null), now));
        boolean open = latest != null && latest.state().open();
        verify.setEnabled(!open);
        cancel.setVisible(open && verify.isVisible());
        progress.setVisible(open);
        progressText.setVisible(latest != null);
        result.removeAll();
        if (latest == null) {
            return;
        }
        double share = latest.rowsEstimated() == 0 ? 0 : Math.min(1.0, (double) latest.rowsDone() / latest.rowsEstimated());
        progress.setValue(share);
        progressText.setText(progressLine(latest, now));
        List<Verification.Table> rows = service.tables(latest.id());
        tables.setItems(rows);
        result.add(new H4(t("verify.byTable", latest.id())), tables);
        if (latest.differences() > 0) {
            differences.setItems(service.differences(latest.id()));
            Anchor csv = new Anchor(download(latest.id()), t("verify.downloadCsv", latest.differences()));
            csv.getElement().setAttribute("download", true);
            csv.addClassName("sb-verification-csv");
            result.add(new H4(latest.differences() > VerificationService.SHOWN_DIFFERENCES
                    ? t("verify.differingFirst", VerificationService.SHOWN_DIFFERENCES) : t("verify.differing")), csv, differences);
        }
    }

    /** "Verified clean 3 h ago", stale past the policy's age, or what the last one found. */
    String freshnessText(Verification done, Instant now) {
        if (done == null) {
            return t("verify.notVerifiedYet");
        }
        Duration age = Duration.between(done.finishedAt(), now);
        String ago = t("verify.ago", Formats.duration(age), done.id());
        if (!done.clean()) {
            freshness.setClassName("sb-verification-stale", true);
            return done.notCheckable() > 0 ? t("verify.foundWithUncheckable", done.differences(), done.notCheckable(), ago)
                    : t("verify.found", done.differences(), ago);
        }
        boolean stale = age.compareTo(service.maxAge()) > 0;
        freshness.setClassName("sb-verification-stale", stale);
        return stale ? t("verify.cleanStale", ago, Formats.duration(service.maxAge())) : t("verify.clean", ago);
    }

    private static String progressLine(Verification v, Instant now) {
        String rate = String.format(t("verify.0fRowsS"), v.rowsPerSecond(now));
        return switch (v.state()) {
            case QUEUED -> t("verify.queued", v.id());
            case RUNNING -> {
                Duration left = v.remaining(now);
                yield String.format(t("verify.verificationDDOf"), v.id(), v.rowsDone(),
                        v.rowsEstimated(), rate) + (left == null ? "" : t("verify.left", Formats.duration(left)))
                        + (v.cancelRequested() ? t("verify.stoppingAtTheNext") : ".");
            }
            case DONE -> String.format(t("verify.verificationDSD"), v.id(),
                    v.clean() ? t("verify.foundNoDifference") : t("verify.foundRows", v.differences()), v.rowsDone(),
                    v.chunksDone(), Formats.duration(Duration.between(v.startedAt(), v.finishedAt())), rate);
            case CANCELLED -> t("verify.cancelled", v.id());
            case FAILED -> t("verify.failed", v.id(), v.error());
        };
    }

    private static String note(Verification.Table t) {
        if (t.notCheckable() != null) {
            return t("verify.notCheckable", t.notCheckable());
        }
        String missing = t.missingOn() == null ? "" : t("verify.missingOn", t.missingOn()) + " ";
        return missing + (t.done() ? t("verify.doneIn", Formats.duration(Duration.ofMillis(t.millis()))) : t("verify.inProgress"));
    }

    private void start() {
        try {
            Verification v = service.start(clusterId);
            Notifications.success(t("verify.started", v.id()));
        } catch (ActionRefusedException e) {
            Notifications.error(t(e.reason()));
        }
        refresh();
    }

    private void cancel() {
        if (shown == null) {
            return;
        }
        try {
            service.cancel(shown.id());
        } catch (ActionRefusedException e) {
            Notifications.error(t(e.reason()));
        }
        shown = null;
        refresh();
    }

    private DownloadHandler download(long id) {
        return event -> {
            event.setFileName("switchback-verification-" + id + "-differences.csv");
            event.setContentType("text/csv");
            try (var out = event.getOutputStream()) {
                service.exportDifferences(id, out);
            }
        };
    }
}
