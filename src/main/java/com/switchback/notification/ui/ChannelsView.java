package com.switchback.notification.ui;

import com.switchback.base.i18n.Texts;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.ActionRefusedException;
import com.switchback.base.AppRoles;
import com.switchback.base.ui.FixedColumnsGrid;
import com.switchback.base.ui.Notifications;
import com.switchback.notification.Channel;
import com.switchback.notification.ChannelForm;
import com.switchback.notification.ChannelRefusedException;
import com.switchback.notification.ChannelService;
import com.switchback.notification.ChannelType;
import com.switchback.notification.DeliveryAttempt;
import com.switchback.notification.Event;
import com.switchback.notification.OutboxMessage;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Administrators manage where Switchback tells people of events (DingTalk, Feishu/Lark, WeCom, Slack,
 * a webhook, e-mail), send a test, and read the delivery log. A saved address or secret is never shown
 * again: the form says one is stored, and an empty field keeps it.
 */
@Route("channels")
@Menu(title = "channels.notifications", order = 92, icon = "vaadin:bell")
@RolesAllowed(AppRoles.ADMIN)
public class ChannelsView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return com.switchback.base.ui.Titles.page("channels.notifications");
    }

    final Grid<Channel> grid = new FixedColumnsGrid<>();
    final H3 formHeading = new H3(t("channels.addAChannel"));
    final TextField name = new TextField(t("channels.name"));
    final Select<ChannelType> type = new Select<>();
    final Checkbox enabled = new Checkbox(t("channels.on"), true);
    final PasswordField endpoint = new PasswordField(t("channels.address"));
    final PasswordField secret = new PasswordField(t("channels.secret"));
    final Checkbox clearSecret = new Checkbox(t("channels.removeTheStoredSecret"));
    final TextField smtpUsername = new TextField(t("channels.smtpUserNameEmpty"));
    final TextField smtpFrom = new TextField(t("channels.from"));
    final Select<Channel.SmtpTls> smtpTls = new Select<>();
    final TextArea recipients = new TextArea(t("channels.toOneAddressPer"));
    final CheckboxGroup<Event> events = new CheckboxGroup<>(t("channels.events"));
    final TextField clusters = new TextField(t("channels.clustersEmptyEveryCluster"));
    final Button save = new Button(t("channels.addChannel"), e -> save());
    final Button test = new Button(t("channels.sendTest"), e -> sendTest());
    final Button remove = new Button(t("channels.remove"), e -> confirmRemove());
    final Button addNew = new Button(t("channels.newChannel"), e -> select(null));
    final Grid<OutboxMessage> log = new FixedColumnsGrid<>();
    final Grid<DeliveryAttempt> attempts = new FixedColumnsGrid<>();
    final Button resend = new Button(t("channels.sendAgain"), e -> resend());
    private final ChannelService service;
    private Channel editing;

    public ChannelsView(ChannelService service) {
        this.service = service;
        addClassName("sb-channels");
        grid.addColumn(Channel::name).setHeader(t("channels.channel")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(c -> Texts.label(c.type())).setHeader(t("channels.kind")).setAutoWidth(true);
        grid.addColumn(Channel::endpointHint).setHeader(t("channels.address")).setAutoWidth(true);
        grid.addColumn(c -> t("count.of", c.eventSet().size(), Event.values().length)).setHeader(t("channels.events")).setAutoWidth(true);
        grid.addColumn(c -> c.clusters().isEmpty() ? t("channels.all") : c.clusters().replace(",", ", ")).setHeader(t("channels.clusters"))
                .setAutoWidth(true);
        grid.addColumn(c -> c.enabled() ? t("channels.on") : t("channels.off")).setHeader(t("channels.state")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.isFromClient()) {
                select(e.getValue());
            }
        });

        type.setLabel(t("channels.kind"));
        type.setItems(ChannelType.values());
        type.setItemLabelGenerator(com.switchback.base.i18n.Texts::label);
        type.addValueChangeListener(e -> showKind(e.getValue()));
        smtpTls.setLabel(t("channels.encryption"));
        smtpTls.setItems(Channel.SmtpTls.values());
        smtpTls.setItemLabelGenerator(t -> switch (t) {
            case NONE -> t("channels.nonePort25Trusted");
            case STARTTLS -> t("channels.starttlsPort587");
            case TLS -> t("channels.tlsPort465");
        });
        smtpTls.setValue(Channel.SmtpTls.STARTTLS);
        name.setMaxLength(ChannelForm.MAX_NAME);
        endpoint.setMaxLength(ChannelForm.MAX_ENDPOINT);
        endpoint.setRevealButtonVisible(false);
        endpoint.setWidthFull();
        secret.setMaxLength(ChannelForm.MAX_SECRET);
        secret.setRevealButtonVisible(false);
        events.setItems(Event.values());
        events.setItemLabelGenerator(com.switchback.base.i18n.Texts::label);
        events.setValue(EnumSet.allOf(Event.class));
        events.addClassName("sb-channel-events");
        clusters.setHelperText(t("channels.clusterIdsCommaSeparated"));
        clusters.setWidthFull();
        recipients.setWidthFull();
        for (HasValidation f : new HasValidation[] {name, type, endpoint, secret, smtpFrom, recipients, events}) {
            ((com.vaadin.flow.component.HasValue<?, ?>) f).addValueChangeListener(e -> f.setInvalid(false));
        }
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);

        VerticalLayout form = new VerticalLayout(formHeading, new HorizontalLayout(name, type, enabled), endpoint,
                new HorizontalLayout(secret, clearSecret),
                new HorizontalLayout(smtpUsername, smtpFrom, smtpTls), recipients, events, clusters,
                new HorizontalLayout(save, test, remove, addNew));
        form.setPadding(false);
        form.addClassName("sb-channel-form");
        ((HorizontalLayout) form.getComponentAt(1)).setAlignItems(Alignment.BASELINE);
        ((HorizontalLayout) form.getComponentAt(3)).setAlignItems(Alignment.BASELINE);

        log.addColumn(com.switchback.base.ui.UserTime.renderer(OutboxMessage::createdAt)).setHeader("Time").setAutoWidth(true);
        log.addColumn(OutboxMessage::channelName).setHeader("Channel").setAutoWidth(true);
        log.addColumn(m -> eventLabel(m.event())).setHeader("Event").setAutoWidth(true);
        log.addColumn(OutboxMessage::title).setHeader("Message").setFlexGrow(1);
        log.addColumn(m -> stateLabel(m.state())).setHeader("State").setAutoWidth(true);
        log.addColumn(OutboxMessage::attempts).setHeader("Attempts").setAutoWidth(true);
        log.addColumn(m -> m.lastError() == null ? "" : m.lastError()).setHeader("Last error").setFlexGrow(1);
        log.setHeight("22em");
        log.asSingleSelect().addValueChangeListener(e -> showAttempts(e.getValue()));
        attempts.addColumn(DeliveryAttempt::attempt).setHeader(t("channels.attempt")).setAutoWidth(true);
        attempts.addColumn(com.switchback.base.ui.UserTime.renderer(DeliveryAttempt::at)).setHeader(t("channels.time")).setAutoWidth(true);
        attempts.addColumn(a -> a.ok() ? t("channels.delivered") : t("channels.failed")).setHeader(t("channels.result")).setAutoWidth(true);
        attempts.addColumn(a -> a.durationMs() + " ms").setHeader(t("channels.took")).setAutoWidth(true);
        attempts.addColumn(DeliveryAttempt::executorId).setHeader(t("channels.node")).setAutoWidth(true);
        attempts.addColumn(DeliveryAttempt::detail).setHeader(t("channels.detail")).setFlexGrow(1);
        attempts.setAllRowsVisible(true);
        attempts.setVisible(false);
        resend.setVisible(false);
        Button reload = new Button(t("channels.refreshTheLog"), e -> refreshLog());

        add(new H2(t("channels.notifications")));
        if (service.unavailable() != null) {
            // Said before anything is typed: no channel can be saved until the key is set.
            Span off = new Span(service.unavailable());
            off.addClassNames("sb-banner", "sb-banner-error", "sb-channels-off");
            add(off);
        }
        add(grid, form, new H3(t("channels.deliveryLog")),
                new Span(t("channels.deliveryIntro")), reload, log, resend, attempts);
        refresh();
        select(null);
        refreshLog();
    }

    private void refresh() {
        grid.setItems(service.channels());
    }

    void refreshLog() {
        log.setItems(service.deliveries(200));
    }

    /** Fills the form with a channel (null: a new one). Stored addresses and secrets are never put back in it. */
    void select(Channel c) {
        editing = c;
        clearMarks();
        formHeading.setText(c == null ? t("channels.addAChannel") : t("channels.channelNamed", c.name()));
        save.setText(c == null ? t("channels.addChannel") : t("channels.save"));
        test.setVisible(c != null);
        remove.setVisible(c != null);
        addNew.setVisible(c != null);
        type.setReadOnly(c != null);
        name.setValue(c == null ? "" : c.name());
        type.setValue(c == null ? ChannelType.WEBHOOK : c.type());
        enabled.setValue(c == null || c.enabled());
        endpoint.clear();
        secret.clear();
        clearSecret.setValue(false);
        smtpUsername.setValue(c == null ? "" : c.smtpUsername());
        smtpFrom.setValue(c == null ? "" : c.smtpFrom());
        smtpTls.setValue(c == null ? Channel.SmtpTls.STARTTLS : c.smtpTls());
        recipients.setValue(c == null ? "" : String.join("\n", c.recipientSet()));
        events.setValue(c == null ? EnumSet.allOf(Event.class) : c.eventSet());
        clusters.setValue(c == null ? "" : c.clusters().replace(",", ", "));
        if (c == null) {
            grid.asSingleSelect().clear();
        }
        showKind(type.getValue());
    }

    private void showKind(ChannelType kind) {
        if (kind == null) {
            return;
        }
        endpoint.setLabel(t("channelType." + kind.name() + ".endpoint"));
        endpoint.setHelperText(editing == null ? t("channels.keptEncryptedNeverShown2")
                : t("channels.storedEndpoint", editing.endpointHint()));
        secret.setVisible(kind.hasSecret());
        secret.setLabel(kind.hasSecret() ? t("channelType." + kind.name() + ".secret") : "");
        boolean stored = editing != null && editing.secretEnc() != null;
        secret.setHelperText(stored ? t("channels.aSecretIsStored") : t("channels.keptEncryptedNeverShown"));
        clearSecret.setVisible(stored && !kind.secretRequired());
        boolean email = kind.email();
        smtpUsername.setVisible(email);
        smtpFrom.setVisible(email);
        smtpTls.setVisible(email);
        recipients.setVisible(email);
    }

    void save() {
        ChannelForm form = new ChannelForm(editing == null ? null : editing.id(), name.getValue(), type.getValue(),
                enabled.getValue(), endpoint.getValue(), secret.getValue(), clearSecret.getValue(),
                smtpUsername.getValue(), smtpFrom.getValue(), smtpTls.getValue(),
                Arrays.stream(recipients.getValue().split("[\\n,;]")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()),
                Set.copyOf(events.getValue()),
                Arrays.stream(clusters.getValue().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()));
        clearMarks();
        Map<String, com.switchback.base.i18n.Text> problems = form.problems(editing == null, editing != null && editing.secretEnc() != null);
        if (!problems.isEmpty()) {
            mark(problems);
            return;
        }
        try {
            Channel saved = service.save(form);
            Notifications.success(t(editing == null ? "channels.addedNamed" : "channels.savedNamed", saved.name()));
            refresh();
            grid.asSingleSelect().setValue(saved);
            select(saved);
        } catch (ChannelRefusedException e) {
            mark(e.problems());
        }
    }

    private void sendTest() {
        if (editing == null) {
            return;
        }
        String error = service.sendTest(editing.id());
        if (error == null) {
            Notifications.success(t("channels.testDelivered", editing.name()));
        } else {
            Notifications.error(t("channels.testFailed", editing.name(), error));
        }
    }

    private void confirmRemove() {
        if (editing == null) {
            return;
        }
        Channel c = editing;
        ConfirmDialog confirm = new ConfirmDialog(t("channels.removeTitle", c.name()),
                t("channels.itIsToldOf"), t("channels.removeButton", c.name()), e -> {
                    try {
                        service.remove(c.id());
                        Notifications.success(t("channels.removed", c.name()));
                    } catch (ActionRefusedException ex) {
                        Notifications.error(t(ex.reason()));
                    }
                    refresh();
                    refreshLog();
                    select(null);
                });
        confirm.setCancelable(true);
        confirm.setCancelText(t("channels.keepIt"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void showAttempts(OutboxMessage m) {
        attempts.setVisible(m != null);
        resend.setVisible(m != null && "DEAD".equals(m.state()));
        if (m != null) {
            attempts.setItems(service.attempts(m.id()));
        }
    }

    private void resend() {
        OutboxMessage m = log.asSingleSelect().getValue();
        if (m == null) {
            return;
        }
        try {
            service.resend(m.id());
            Notifications.success(t("channels.resent", m.id()));
        } catch (ActionRefusedException e) {
            Notifications.error(t(e.reason()));
        }
        refreshLog();
        showAttempts(null);
    }

    private void mark(Map<String, com.switchback.base.i18n.Text> problems) {
        problems.forEach((field, message) -> {
            HasValidation f = switch (field) {
                case ChannelForm.NAME -> name;
                case ChannelForm.TYPE -> type;
                case ChannelForm.ENDPOINT -> endpoint;
                case ChannelForm.SECRET -> secret;
                case ChannelForm.FROM -> smtpFrom;
                case ChannelForm.RECIPIENTS -> recipients;
                default -> events;
            };
            f.setErrorMessage(t(message));
            f.setInvalid(true);
        });
    }

    private void clearMarks() {
        for (HasValidation f : new HasValidation[] {name, type, endpoint, secret, smtpFrom, recipients, events}) {
            f.setInvalid(false);
        }
    }

    private static String eventLabel(String key) {
        Event e = Event.of(key);
        return e == null ? key : com.switchback.base.i18n.Texts.label(e);
    }

    private static String stateLabel(String state) {
        return switch (state) {
            case "SENT" -> t("channels.delivered");
            case "DEAD" -> t("channels.givenUp");
            case "SENDING" -> t("channels.sending");
            default -> t("channels.waiting");
        };
    }
}
