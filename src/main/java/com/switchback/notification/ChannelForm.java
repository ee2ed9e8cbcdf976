package com.switchback.notification;

import com.switchback.base.i18n.Text;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A channel as an administrator fills it in. A blank endpoint or secret on an existing channel keeps
 * the stored one (it is never shown again); {@code clearSecret} removes it.
 */
public record ChannelForm(Long id, String name, ChannelType type, boolean enabled, String endpoint, String secret,
                          boolean clearSecret, String smtpUsername, String smtpFrom, Channel.SmtpTls smtpTls,
                          Set<String> recipients, Set<Event> events, Set<String> clusters) {

    public static final int MAX_NAME = 100;
    public static final int MAX_ENDPOINT = 2000;
    public static final int MAX_SECRET = 500;
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.-]+:\\d{1,5}");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s,<>]+@[^@\\s,<>]+\\.[^@\\s,<>]+");

    /** Field names as {@link #problems} reports them. */
    public static final String NAME = "name", TYPE = "type", ENDPOINT = "endpoint", SECRET = "secret",
            FROM = "from", RECIPIENTS = "recipients", EVENTS = "events";

    /** Every broken rule, by field, at once; empty when the form can be saved. {@code isNew}: no stored values. */
    public Map<String, Text> problems(boolean isNew, boolean hasStoredSecret) {
        Map<String, Text> p = new LinkedHashMap<>();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            p.put(NAME, Text.of("channelForm.nameRequired"));
        } else if (n.length() > MAX_NAME) {
            p.put(NAME, Text.of("channelForm.atMost", MAX_NAME));
        }
        if (type == null) {
            p.put(TYPE, Text.of("channelForm.pickKind"));
            return p;
        }
        String e = endpoint == null ? "" : endpoint.strip();
        if (e.isEmpty() && isNew) {
            p.put(ENDPOINT, Text.of(type.email() ? "channelForm.smtpServer" : "channelForm.webhookAddress"));
        } else if (e.length() > MAX_ENDPOINT) {
            p.put(ENDPOINT, Text.of("channelForm.atMost", MAX_ENDPOINT));
        } else if (!e.isEmpty() && type.email() && !HOST_PORT.matcher(e).matches()) {
            p.put(ENDPOINT, Text.of("channelForm.hostPort"));
        } else if (!e.isEmpty() && !type.email() && !httpUrl(e)) {
            p.put(ENDPOINT, Text.of("channelForm.httpAddress"));
        }
        String s = secret == null ? "" : secret;
        if (s.length() > MAX_SECRET) {
            p.put(SECRET, Text.of("channelForm.atMost", MAX_SECRET));
        } else if (!type.hasSecret() && !s.isBlank()) {
            p.put(SECRET, Text.of("channelForm.noSecret", Text.of("enum.ChannelType." + type.name())));
        } else if (type.secretRequired() && s.isBlank() && (isNew || !hasStoredSecret || clearSecret)) {
            p.put(SECRET, Text.of("channelForm.secretRequired"));
        }
        if (type.email()) {
            if (smtpFrom == null || !ADDRESS.matcher(smtpFrom.strip()).matches()) {
                p.put(FROM, Text.of("channelForm.from"));
            }
            if (recipients == null || recipients.isEmpty()) {
                p.put(RECIPIENTS, Text.of("channelForm.recipients"));
            } else if (recipients.stream().anyMatch(r -> !ADDRESS.matcher(r.strip()).matches())) {
                p.put(RECIPIENTS, Text.of("channelForm.notAnAddress", recipients.stream()
                        .filter(r -> !ADDRESS.matcher(r.strip()).matches()).findFirst().orElse("")));
            }
        }
        if (events == null || events.isEmpty()) {
            p.put(EVENTS, Text.of("channelForm.events"));
        }
        return p;
    }

    private static boolean httpUrl(String s) {
        try {
            URI u = URI.create(s);
            return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The part of an endpoint that is safe to show: scheme and host (a webhook's path or query holds its token). */
    static String hint(ChannelType type, String endpoint) {
        if (type.email()) {
            return endpoint;
        }
        URI u = URI.create(endpoint);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + "/…";
    }
}
