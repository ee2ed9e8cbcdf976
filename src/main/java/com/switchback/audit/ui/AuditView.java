package com.switchback.audit.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.audit.AuditEvent;
import com.switchback.audit.AuditExport;
import com.switchback.audit.AuditFilter;
import com.switchback.audit.AuditService;
import com.switchback.audit.Outcome;
import com.switchback.audit.Verification;
import com.switchback.base.AppRoles;
import com.switchback.base.ui.UtcRange;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.switchback.base.ui.Facts;
import com.switchback.base.ui.ListState;
import com.switchback.base.ui.ListWithPanel;
import com.switchback.base.ui.ResultCount;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The audit trail for auditors: filter (kept in the address), read an event on its own address
 * ({@code /audit/{seq}}) beside the list, export, verify the chain.
 */
@Route("audit/:seq?([0-9]{1,18})")
@Menu(title = "audit.auditTrail", order = 30, icon = "vaadin:clipboard-text")
@RolesAllowed({AppRoles.AUDITOR, AppRoles.ADMIN})
public class AuditView extends ListWithPanel<AuditEvent> implements BeforeEnterObserver, com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return com.switchback.base.ui.Titles.page("audit.auditTrail");
    }

    final DateTimePicker from = UtcRange.picker(t("audit.from"));
    final DateTimePicker to = UtcRange.picker(t("audit.to"));
    final TextField actor = new TextField(t("audit.actor"));
    final ComboBox<String> action = new ComboBox<>(t("audit.action"));
    final TextField cluster = new TextField(t("audit.cluster"));
    final ComboBox<Outcome> outcome = new ComboBox<>(t("audit.outcome"));
    final Div details = new Div();
    final ResultCount count = new ResultCount("count.event");
    final ListState listState = new ListState("audit");
    final Div verification = new Div();
    final Button verify = new Button(t("audit.verifyIntegrity"));
    private final AuditService audit;

    public AuditView(AuditService audit) {
        this.audit = audit;
        action.setItems(audit.actions());
        outcome.setItems(Outcome.values());
        for (TextField f : new TextField[]{actor, cluster}) {
            f.setClearButtonVisible(true);
            f.setMaxLength(64);
            f.setValueChangeMode(ValueChangeMode.LAZY);
        }
        action.setClearButtonVisible(true);
        outcome.setClearButtonVisible(true);

        // What people decide on first: number, time, who, what, outcome; the details wrap, the rest is in the panel.
        grid.addColumn(LitRenderer.<AuditEvent>of("<a href=\"audit/${item.seq}\">${item.seq}</a>")
                        .withProperty("seq", AuditEvent::seq))
                .setHeader("#").setKey(LINK_COLUMN).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(com.switchback.base.ui.UserTime.renderer(com.switchback.audit.AuditEvent::occurredAt)).setHeader(t("audit.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::actor).setHeader(t("audit.actor")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.action() + (e.emergency() ? t("audit.emergency") : "")).setHeader(t("audit.action")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(LitRenderer.<AuditEvent>of("<span theme=\"${item.theme}\">${item.outcome}</span>")
                        .withProperty("outcome", e -> e.outcome().name())
                        .withProperty("theme", e -> "badge small" + (e.outcome() == Outcome.SUCCESS ? " success" : " error")))
                .setHeader(t("audit.outcome")).setKey("outcome").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> e.clusterId() == null ? "" : e.clusterId()).setHeader(t("audit.cluster")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(AuditEvent::details).setHeader(t("audit.details")).setKey("details").setWidth("12em").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setItems(q -> audit.page(filter(), q.getOffset(), q.getLimit()).stream(), q -> counted(filter()))
                .setIdentifierProvider(AuditEvent::seq);
        grid.setEmptyStateText(t("audit.noEventMatchesThese"));
        details.addClassName("sb-audit-details");
        listState.dateTime("from", from).dateTime("to", to).text("actor", actor)
                .bind("action", action, v -> v, v -> v).text("cluster", cluster).choice("outcome", outcome, Outcome.class)
                .onChange(() -> grid.getDataProvider().refreshAll());

        verify.addClickListener(e -> showVerification(audit.verify()));
        verification.addClassName("sb-banner");
        verification.setVisible(false);

        HorizontalLayout tools = new HorizontalLayout(download(AuditExport.CSV, t("audit.exportCsv")),
                download(AuditExport.JSON_LINES, t("audit.exportJsonLines")), verify, count);
        tools.setAlignItems(Alignment.BASELINE);
        filters(from, to, actor, action, cluster, outcome);
        layOut(new Div(new H2(t("audit.auditTrail")), tools, verification), details, listState);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        listState.restore(event.getLocation().getQueryParameters());
        Long seq = event.getRouteParameters().getLong("seq").orElse(null);
        AuditEvent found = seq == null ? null : audit.event(seq).orElse(null);
        open(seq, () -> showDetails(seq, found), () -> found);
        grid.getDataProvider().refreshAll();
    }

    @Override
    protected Object idOf(AuditEvent item) {
        return item.seq();
    }

    private int counted(AuditFilter f) {
        int shown = audit.count(f);
        count.show(shown, f.equals(AuditFilter.ALL) ? shown : audit.count(AuditFilter.ALL));
        return shown;
    }

    AuditFilter filter() {
        return new AuditFilter(UtcRange.instant(from), UtcRange.instant(to), actor.getValue(), action.getValue(),
                cluster.getValue(), outcome.getValue(), null);
    }

    private Anchor download(AuditExport format, String text) {
        DownloadHandler handler = event -> {
            AuditFilter f = filter();
            event.setFileName("switchback-audit-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                    .withZone(ZoneOffset.UTC).format(Instant.now()) + "." + format.extension());
            event.setContentType(format.contentType());
            try (var out = event.getOutputStream()) {
                audit.export(f, format, out);
            }
        };
        Anchor link = new Anchor(handler, text);
        link.getElement().setAttribute("download", true);
        return link;
    }

    /** The event as labelled fields; its cluster and request are links to their own pages. */
    private void showDetails(long seq, AuditEvent e) {
        details.removeAll();
        if (e == null) {
            details.add(new H3(t("audit.eventNotFound")), new Paragraph(t("audit.noSuchEvent", seq)));
            return;
        }
        details.add(new H3(t("audit.event", e.seq())));
        Facts facts = new Facts();
        facts.add(t("audit.when"), com.switchback.base.ui.UserTime.span(e.occurredAt()));
        facts.add(t("audit.actor"), e.actor());
        facts.add(t("audit.roles"), e.actorRoles().isEmpty() ? "—" : e.actorRoles());
        facts.add(t("audit.from"), e.clientAddress() == null ? "—" : e.clientAddress());
        facts.add(t("audit.action"), e.action() + (e.emergency() ? t("audit.emergencyRun") : ""));
        facts.add(t("audit.outcome"), e.outcome().name());
        facts.add(t("audit.cluster"), e.clusterId() == null ? new Span("—") : new Anchor("clusters/" + e.clusterId(), e.clusterId()));
        facts.add(t("audit.request"), e.requestId() == null ? new Span("—")
                : new Anchor("requests/" + e.requestId(), "#" + e.requestId()));
        // Text, never markup: details hold what users typed.
        Span text = facts.add(t("audit.details"), e.details());
        text.addClassName("sb-audit-text");
        Span hash = facts.add(t("audit.hash"), e.hash());
        Span prev = facts.add(t("audit.previousHash"), e.prevHash());
        hash.addClassName("sb-raw");
        prev.addClassName("sb-raw");
        details.add(facts);
    }

    private void showVerification(Verification v) {
        verification.setText(v.summary());
        verification.setClassName("sb-banner-success", v.intact());
        verification.setClassName("sb-banner-error", !v.intact());
        verification.setVisible(true);
    }
}
