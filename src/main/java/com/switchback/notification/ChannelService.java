package com.switchback.notification;

import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import com.switchback.base.AppRoles;
import com.switchback.base.CommaList;
import com.switchback.base.ActionRefusedException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators manage notification channels and read the delivery log. Secrets are sealed as they
 * are saved and never returned; every change is audited (without the secret).
 */
@Service
public class ChannelService {

    private final Channels channels;
    private final SecretBox secrets;
    private final Outbox outbox;
    private final OutboxSender sender;
    private final AuditLog audit;

    ChannelService(Channels channels, SecretBox secrets, Outbox outbox, OutboxSender sender, AuditLog audit) {
        this.channels = channels;
        this.secrets = secrets;
        this.outbox = outbox;
        this.sender = sender;
        this.audit = audit;
    }

    /** Why channels cannot be used on this installation (no secret key configured), or null. */
    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    public String unavailable() {
        return secrets.unavailable();
    }

    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional(readOnly = true)
    public List<Channel> channels() {
        return channels.findAllByOrderByName();
    }

    /** Adds or changes a channel. Refused, with every broken rule by field, when the form does not hold. */
    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional(noRollbackFor = ChannelRefusedException.class)
    public Channel save(ChannelForm form) {
        Channel old = form.id() == null ? null : channels.findById(form.id()).orElse(null);
        if (form.id() != null && old == null) {
            throw refused("channel.refused", Map.of(ChannelForm.NAME, com.switchback.base.i18n.Text.of("channelForm.gone", form.id())));
        }
        Map<String, com.switchback.base.i18n.Text> problems = new java.util.LinkedHashMap<>(form.problems(old == null,
                old != null && old.secretEnc() != null));
        if (secrets.unavailable() != null) {
            problems.put(ChannelForm.ENDPOINT, com.switchback.base.i18n.Text.asWritten(secrets.unavailable()));
        }
        String name = form.name() == null ? "" : form.name().strip();
        if (!problems.containsKey(ChannelForm.NAME) && (old == null ? channels.existsByName(name)
                : channels.existsByNameAndIdNot(name, old.id()))) {
            problems.put(ChannelForm.NAME, com.switchback.base.i18n.Text.of("channelForm.nameTaken", name));
        }
        if (old != null && old.type() != form.type()) {
            problems.put(ChannelForm.TYPE, com.switchback.base.i18n.Text.of("channelForm.kindFixed"));
        }
        if (!problems.isEmpty()) {
            throw refused("channel.refused", problems);
        }
        String endpoint = form.endpoint() == null ? "" : form.endpoint().strip();
        String secret = form.secret() == null ? "" : form.secret().strip();
        String endpointEnc = endpoint.isEmpty() ? old.endpointEnc() : secrets.seal(endpoint);
        String hint = endpoint.isEmpty() ? old.endpointHint() : ChannelForm.hint(form.type(), endpoint);
        String secretEnc = !secret.isEmpty() ? secrets.seal(secret)
                : form.clearSecret() || old == null ? null : old.secretEnc();
        Channel saved = channels.save(new Channel(old == null ? null : old.id(), name, form.type(), form.enabled(),
                endpointEnc, hint, secretEnc, blank(form.smtpUsername()), blank(form.smtpFrom()),
                form.smtpTls() == null ? Channel.SmtpTls.STARTTLS : form.smtpTls(),
                CommaList.join(form.recipients() == null ? List.of() : form.recipients()),
                CommaList.join(form.events().stream().map(Event::key).toList()),
                CommaList.join(form.clusters() == null ? List.of() : form.clusters()),
                old == null ? Actor.current().name() : old.createdBy(), Instant.now()));
        audit.record(old == null ? "channel.created" : "channel.changed", null, null, Outcome.SUCCESS,
                describe(saved) + (endpoint.isEmpty() ? "" : "; address set") + (secret.isEmpty() ? "" : "; secret set")
                        + (form.clearSecret() && secret.isEmpty() ? "; secret removed" : "") + ".");
        return saved;
    }

    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional
    public void remove(long id) {
        Channel c = channels.findById(id).orElseThrow(() -> new ActionRefusedException("channelForm.gone", id));
        channels.delete(c);
        audit.record("channel.removed", null, null, Outcome.SUCCESS, "Channel " + c.name() + " (" + c.type().label()
                + ") removed, with its delivery log.");
    }

    /**
     * Sends a test message to the channel now and says how it went (null: accepted). Not through the
     * outbox: the administrator waits for the answer (bounded by the delivery timeout). Audited.
     */
    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    public String sendTest(long id) {
        Channel c = channels.findById(id).orElseThrow(() -> new ActionRefusedException("channelForm.gone", id));
        OutboxMessage test = new OutboxMessage(0, c.id(), "test:" + c.id() + ":" + System.currentTimeMillis(),
                "test", null, null, "Test message", "Channel " + c.name() + " reaches you. Sent by "
                + Actor.current().name() + " from Switchback.", "", "SENDING", 1, Instant.now(), null, null, c.name());
        String error;
        try {
            error = sender.sendTo(c, test);
        } catch (RuntimeException e) {
            error = e.getMessage();
        }
        audit.record("channel.test-sent", null, null, error == null ? Outcome.SUCCESS : Outcome.FAILURE,
                "Test message to " + c.name() + (error == null ? ": delivered." : ": " + error));
        return error;
    }

    /** The delivery log: the latest messages with their state, attempts and last error. */
    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional(readOnly = true)
    public List<OutboxMessage> deliveries(int limit) {
        return outbox.recent(Math.clamp(limit, 1, 1000));
    }

    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional(readOnly = true)
    public List<DeliveryAttempt> attempts(long outboxId) {
        return outbox.attempts(outboxId);
    }

    /** Sends a dead message again (its attempts start over). */
    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional
    public void resend(long outboxId) {
        if (!outbox.requeue(outboxId)) {
            throw new ActionRefusedException("refusal.notDead", outboxId);
        }
        audit.record("channel.message-resent", null, null, Outcome.SUCCESS, "Message #" + outboxId
                + " queued again by " + Actor.current().name() + ".");
    }

    private ChannelRefusedException refused(String action, Map<String, com.switchback.base.i18n.Text> problems) {
        audit.record(action, null, null, Outcome.DENIED, "Channel not saved: " + problems.values().stream()
                .map(com.switchback.base.i18n.Text::english).collect(Collectors.joining(" ")));
        return new ChannelRefusedException(problems);
    }

    private static String describe(Channel c) {
        return "Channel " + c.name() + " (" + c.type().label() + ", " + (c.enabled() ? "on" : "off") + ") at "
                + c.endpointHint() + ", events: " + c.events().replace(",", ", ") + "; clusters: "
                + (c.clusters().isEmpty() ? "all" : c.clusters().replace(",", ", "));
    }

    private static String blank(String s) {
        return s == null ? "" : s.strip();
    }
}
