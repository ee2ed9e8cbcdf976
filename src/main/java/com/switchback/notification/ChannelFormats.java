package com.switchback.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each HTTP channel's own message format and signature, as its service documents it. A message is
 * short: the title, one sentence, and the deep link into the console.
 *
 * <ul>
 * <li>DingTalk robot: markdown; with a signing secret, {@code timestamp} (ms) and {@code sign} =
 *     urlEncode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))) in the query.</li>
 * <li>Feishu/Lark bot: text; with a signature secret, {@code timestamp} (s) and {@code sign} =
 *     base64(HmacSHA256(key = timestamp + "\n" + secret, data = empty)) in the body.</li>
 * <li>WeCom robot: markdown; the key is in the address.</li>
 * <li>Slack incoming webhook: {@code text} in mrkdwn with the link as {@code <url|label>}.</li>
 * <li>Webhook: the event as JSON; {@code X-Switchback-Timestamp} (s) and {@code X-Switchback-Signature} =
 *     "sha256=" + hex(HmacSHA256(key = secret, data = timestamp + "." + body)).</li>
 * </ul>
 */
final class ChannelFormats {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What is sent: where, with which headers, and the JSON body. */
    record HttpCall(URI uri, Map<String, String> headers, String body) {
    }

    private ChannelFormats() {
    }

    /**
     * The call for {@code m} on a channel of {@code type} at {@code endpoint}; {@code secret} may be null
     * (no signature); {@code url} is the message's absolute deep link; {@code nowMillis} the signing time.
     */
    static HttpCall call(ChannelType type, String endpoint, String secret, OutboxMessage m, String url,
                         long nowMillis) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("X-Switchback-Idempotency-Key", m.idempotencyKey());
        long seconds = nowMillis / 1000;
        return switch (type) {
            case DINGTALK -> {
                String target = endpoint;
                if (secret != null) {
                    String sign = base64(hmac(secret.getBytes(StandardCharsets.UTF_8), nowMillis + "\n" + secret));
                    target += (endpoint.contains("?") ? "&" : "?") + "timestamp=" + nowMillis + "&sign="
                            + URLEncoder.encode(sign, StandardCharsets.UTF_8);
                }
                yield new HttpCall(URI.create(target), headers, json(Map.of("msgtype", "markdown", "markdown",
                        Map.of("title", m.title(), "text", "#### " + m.title() + "\n\n" + m.text() + "\n\n[Open in Switchback]("
                                + url + ")"))));
            }
            case FEISHU -> {
                Map<String, Object> body = new LinkedHashMap<>();
                if (secret != null) {
                    body.put("timestamp", String.valueOf(seconds));
                    body.put("sign", base64(hmac((seconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), "")));
                }
                body.put("msg_type", "text");
                body.put("content", Map.of("text", m.title() + "\n" + m.text() + "\n" + url));
                yield new HttpCall(URI.create(endpoint), headers, json(body));
            }
            case WECOM -> new HttpCall(URI.create(endpoint), headers, json(Map.of("msgtype", "markdown", "markdown",
                    Map.of("content", "**" + m.title() + "**\n" + m.text() + "\n[Open in Switchback](" + url + ")"))));
            case SLACK -> new HttpCall(URI.create(endpoint), headers, json(Map.of("text",
                    "*" + slackEscape(m.title()) + "*\n" + slackEscape(m.text()) + "\n<" + url + "|Open in Switchback>")));
            case WEBHOOK -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("id", m.idempotencyKey());
                body.put("event", m.event());
                body.put("cluster", m.clusterId());
                body.put("request", m.requestId());
                body.put("title", m.title());
                body.put("text", m.text());
                body.put("url", url);
                body.put("at", m.createdAt() == null ? null : m.createdAt().toString());
                String json = json(body);
                headers.put("X-Switchback-Event", m.event());
                headers.put("X-Switchback-Timestamp", String.valueOf(seconds));
                headers.put("X-Switchback-Signature", "sha256=" + HexFormat.of().formatHex(
                        hmac(secret.getBytes(StandardCharsets.UTF_8), seconds + "." + json)));
                yield new HttpCall(URI.create(endpoint), headers, json);
            }
            case EMAIL -> throw new IllegalArgumentException("E-mail is not sent over HTTP");
        };
    }

    /**
     * Whether the service accepted the message, from its answer: DingTalk and WeCom answer
     * {@code errcode} 0, Feishu {@code code} 0, Slack and webhooks a 2xx status. Null when accepted,
     * else why not.
     */
    static String refusal(ChannelType type, int status, String body) {
        if (status < 200 || status > 299) {
            return "HTTP " + status + (body == null || body.isBlank() ? "" : ": " + clip(body));
        }
        String field = switch (type) {
            case DINGTALK, WECOM -> "errcode";
            case FEISHU -> "code";
            default -> null;
        };
        if (field == null) {
            return null;
        }
        try {
            var tree = JSON.readTree(body);
            var code = tree.get(field);
            return code != null && code.asInt() == 0 ? null : "The service refused it: " + clip(body);
        } catch (RuntimeException e) {
            return "The service's answer is not JSON: " + clip(body);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    /** Slack reads &, < and > as control characters in text. */
    private static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String clip(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
