package com.switchback.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.switchback.SwitchbackTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.ActionOptions;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationService;
import com.switchback.migration.simulated.SimulatedBackend;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every channel kind against a local receiver that checks the payload and signature as that service
 * documents them, e-mail against a local SMTP server, and the outbox's retries and once-per-key delivery.
 */
@SwitchbackTest
class NotificationDeliveryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String LINK = "https://switchback.example.com/requests/";

    @Autowired ChannelService service;
    @Autowired OutboxSender sender;
    @Autowired Outbox outbox;
    @Autowired Channels channels;
    @Autowired SecretBox secrets;
    @Autowired NotificationProperties properties;
    @Autowired Notifier notifier;
    @Autowired TransactionTemplate tx;
    @Autowired MigrationService migrations;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;

    private TestFleet fleet;
    private String cluster;

    @BeforeEach
    void setUp() {
        fleet = new TestFleet(simulated, discovery, jdbc);
        fleet.closeOpenRequests();
        cluster = fleet.create("POLARDB2RDS_SYNCING", 3);
        channels.deleteAll();
    }

    @AfterEach
    void tearDown() {
        channels.deleteAll();
        TestUsers.logout();
    }

    @Test
    void eachChannelGetsTheEventInItsOwnFormatAndSignature() throws Exception {
        try (Receiver ding = new Receiver("{\"errcode\":0,\"errmsg\":\"ok\"}");
             Receiver feishu = new Receiver("{\"code\":0,\"msg\":\"success\",\"data\":{}}");
             Receiver wecom = new Receiver("{\"errcode\":0,\"errmsg\":\"ok\"}");
             Receiver slack = new Receiver("ok");
             Receiver hook = new Receiver("")) {
            GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                TestUsers.loginAs("admin", "ADMIN");
                save("DingTalk ops", ChannelType.DINGTALK, ding.url("/robot/send?access_token=dt-token"), "SECdingsecret");
                save("Feishu ops", ChannelType.FEISHU, feishu.url("/open-apis/bot/v2/hook/fs-hook"), "feishusecret");
                save("WeCom ops", ChannelType.WECOM, wecom.url("/cgi-bin/webhook/send?key=wc-key"), null);
                save("Slack ops", ChannelType.SLACK, slack.url("/services/T0/B0/xyz"), null);
                save("Webhook", ChannelType.WEBHOOK, hook.url("/hooks/switchback"), "hooksecret");
                service.save(new ChannelForm(null, "Mail", ChannelType.EMAIL, true,
                        "127.0.0.1:" + smtp.getSmtp().getPort(), null, false, "", "switchback@example.com",
                        Channel.SmtpTls.NONE, Set.of("lead@example.com", "oncall@example.com"),
                        Set.of(Event.REQUEST_MADE), Set.of(cluster)));

                long r = request();
                assertThat(sender.deliverDue()).isEqualTo(6);
                TestUsers.loginAs("admin", "ADMIN");

                // DingTalk: sign = urlEncode(base64(HmacSHA256(secret, timestamp + "\n" + secret))), timestamp in ms.
                var d = ding.received.element();
                Map<String, String> q = query(d.uri().getRawQuery());
                assertThat(q).containsEntry("access_token", "dt-token");
                long ms = Long.parseLong(q.get("timestamp"));
                assertThat(Math.abs(System.currentTimeMillis() - ms)).isLessThan(60_000);
                assertThat(q.get("sign")).isEqualTo(Base64.getEncoder().encodeToString(
                        hmac("SECdingsecret".getBytes(StandardCharsets.UTF_8), ms + "\n" + "SECdingsecret")));
                JsonNode db = JSON.readTree(d.body());
                assertThat(db.get("msgtype").asString()).isEqualTo("markdown");
                assertThat(db.get("markdown").get("title").asString()).isEqualTo(
                        "Roll Back Migration on " + cluster + ": a request waits for approval");
                assertThat(db.get("markdown").get("text").asString()).contains("dba asks for Roll Back Migration")
                        .contains("(" + LINK + r + ")");

                // Feishu: sign = base64(HmacSHA256(key = timestamp + "\n" + secret, data = "")), timestamp in s.
                JsonNode fb = JSON.readTree(feishu.received.element().body());
                long s = Long.parseLong(fb.get("timestamp").asString());
                assertThat(fb.get("sign").asString()).isEqualTo(Base64.getEncoder().encodeToString(
                        hmac((s + "\n" + "feishusecret").getBytes(StandardCharsets.UTF_8), "")));
                assertThat(fb.get("msg_type").asString()).isEqualTo("text");
                assertThat(fb.get("content").get("text").asString()).contains(LINK + r);

                // WeCom: the key stays in the address; markdown content.
                var w = wecom.received.element();
                assertThat(w.uri().getRawQuery()).isEqualTo("key=wc-key");
                JsonNode wb = JSON.readTree(w.body());
                assertThat(wb.get("msgtype").asString()).isEqualTo("markdown");
                assertThat(wb.get("markdown").get("content").asString()).contains("[Open in Switchback](" + LINK + r + ")");

                // Slack: mrkdwn text with the link as <url|label>.
                JsonNode sb = JSON.readTree(slack.received.element().body());
                assertThat(sb.get("text").asString()).startsWith("*Roll Back Migration on " + cluster)
                        .endsWith("<" + LINK + r + "|Open in Switchback>");

                // Webhook: X-Switchback-Signature = "sha256=" + hex(HmacSHA256(secret, timestamp + "." + body)).
                var h = hook.received.element();
                String ts = h.header("X-Switchback-Timestamp");
                assertThat(h.header("X-Switchback-Signature")).isEqualTo("sha256=" + HexFormat.of().formatHex(
                        hmac("hooksecret".getBytes(StandardCharsets.UTF_8), ts + "." + h.body())));
                assertThat(h.header("X-Switchback-Idempotency-Key")).isEqualTo("request.made:request " + r);
                JsonNode hb = JSON.readTree(h.body());
                assertThat(hb.get("event").asString()).isEqualTo("request.made");
                assertThat(hb.get("request").asLong()).isEqualTo(r);
                assertThat(hb.get("cluster").asString()).isEqualTo(cluster);
                assertThat(hb.get("url").asString()).isEqualTo(LINK + r);

                // E-mail: one message to both recipients, with the link.
                MimeMessage[] mails = smtp.getReceivedMessages();
                assertThat(mails).hasSize(2);
                assertThat(mails[0].getSubject()).isEqualTo("[Switchback] Roll Back Migration on " + cluster
                        + ": a request waits for approval");
                assertThat(GreenMailUtil.getBody(mails[0])).contains(LINK + r);
                assertThat(mails[0].getHeader("X-Switchback-Idempotency-Key")[0]).isEqualTo("request.made:request " + r);

                assertThat(service.deliveries(20)).hasSize(6).allSatisfy(m -> {
                    assertThat(m.state()).isEqualTo("SENT");
                    assertThat(service.attempts(m.id())).singleElement().satisfies(a -> assertThat(a.ok()).isTrue());
                });
                assertThat(sender.deliverDue()).as("nothing is sent twice").isZero();
            } finally {
                smtp.stop();
            }
        }
    }

    @Test
    void secretsAreSealedAndNeverShownAgain() throws Exception {
        TestUsers.loginAs("admin", "ADMIN");
        Channel c = save("Slack secret", ChannelType.SLACK, "https://hooks.slack.com/services/T1/B1/very-secret", null);
        Channel w = save("Webhook secret", ChannelType.WEBHOOK, "https://hooks.example.com/in", "s3cret-value");
        String stored = jdbc.sql("select endpoint_enc || coalesce(secret_enc, '') from notification_channel where id = :id")
                .param("id", w.id()).query(String.class).single();
        assertThat(stored).doesNotContain("s3cret-value").doesNotContain("hooks.example.com/in");
        assertThat(service.channels()).extracting(Channel::endpointHint)
                .contains("https://hooks.slack.com/…", "https://hooks.example.com/…");
        assertThat(jdbc.sql("select details from audit_event where action like 'channel.%' order by seq desc limit 2")
                .query(String.class).list()).noneMatch(d -> d.contains("very-secret") || d.contains("s3cret-value"));

        // Saved again with the secret left empty: the stored one stays.
        service.save(new ChannelForm(w.id(), "Webhook secret", ChannelType.WEBHOOK, true, "", "", false, "", "",
                null, Set.of(), Set.of(Event.SAFETY_STOP), Set.of()));
        assertThat(secrets.open(channels.findById(w.id()).orElseThrow().secretEnc())).isEqualTo("s3cret-value");
        assertThat(secrets.open(channels.findById(c.id()).orElseThrow().endpointEnc()))
                .isEqualTo("https://hooks.slack.com/services/T1/B1/very-secret");

        // Every broken rule at once, by field; nothing saved.
        assertThatThrownBy(() -> service.save(new ChannelForm(null, "", ChannelType.WEBHOOK, true, "ftp://x", "",
                false, "", "", null, Set.of(), Set.of(), Set.of())))
                .isInstanceOfSatisfying(ChannelRefusedException.class, e -> assertThat(e.problems()).containsOnlyKeys(
                        ChannelForm.NAME, ChannelForm.ENDPOINT, ChannelForm.SECRET, ChannelForm.EVENTS));
        assertThat(channels.count()).isEqualTo(2);

        TestUsers.loginAs("dba", "DBA");
        assertThatThrownBy(() -> service.channels()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.sendTest(c.id())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameKeyAndTheLogShowsEachAttempt() throws Exception {
        try (Receiver hook = new Receiver("")) {
            TestUsers.loginAs("admin", "ADMIN");
            save("Flaky", ChannelType.WEBHOOK, hook.url("/in"), "k");
            hook.failNext(1);
            long r = request();

            assertThat(sender.deliverDue()).isEqualTo(1);
            TestUsers.loginAs("admin", "ADMIN");
            OutboxMessage m = service.deliveries(1).getFirst();
            assertThat(m.state()).isEqualTo("PENDING");
            assertThat(m.lastError()).isEqualTo("HTTP 500: busy");

            assertThat(sender.deliverDue()).isEqualTo(1);
            assertThat(service.deliveries(1).getFirst().state()).isEqualTo("SENT");
            assertThat(service.attempts(m.id())).extracting(DeliveryAttempt::ok).containsExactly(false, true);
            assertThat(hook.received).hasSize(2).extracting(x -> x.header("X-Switchback-Idempotency-Key"))
                    .containsOnly("request.made:request " + r);
        }
    }

    @Test
    void aDeadChannelDelaysNoActionAndIsGivenUpAfterItsAttempts() throws Exception {
        TestUsers.loginAs("admin", "ADMIN");
        // Nothing listens there: every attempt fails at once.
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        save("Gone", ChannelType.SLACK, "http://127.0.0.1:" + port + "/services/x", null);
        long r = request();
        assertThat(migrations.findRequest(r)).as("the request was made whatever the channel").isPresent();
        for (int i = 0; i < properties.maxAttempts(); i++) {
            sender.deliverDue();
        }
        TestUsers.loginAs("admin", "ADMIN");
        OutboxMessage m = service.deliveries(1).getFirst();
        assertThat(m.state()).isEqualTo("DEAD");
        assertThat(m.lastError()).startsWith("Not reached");
        assertThat(service.attempts(m.id())).hasSize(properties.maxAttempts());
        assertThat(sender.deliverDue()).isZero();

        service.resend(m.id());
        assertThat(service.deliveries(1).getFirst().state()).isEqualTo("PENDING");
        assertThatThrownBy(() -> service.resend(m.id())).hasMessageContaining("is not dead");
    }

    @Test
    void eachIdempotencyKeyIsDeliveredOnceEvenWithTwoSendersAtWork() throws Exception {
        try (Receiver hook = new Receiver("")) {
            TestUsers.loginAs("admin", "ADMIN");
            save("Counted", ChannelType.WEBHOOK, hook.url("/in"), "k");
            EventMessage twice = message("same");
            tx.executeWithoutResult(s -> {
                notifier.emit(twice, null);
                notifier.emit(twice, null);
            });
            tx.executeWithoutResult(s -> {
                for (int i = 0; i < 40; i++) {
                    notifier.emit(message("m" + i), null);
                }
            });
            OutboxSender other = new OutboxSender(outbox, channels, secrets, properties, tx);
            try (var pool = Executors.newFixedThreadPool(2)) {
                List<Future<Integer>> both = List.of(pool.submit(sender::deliverDue), pool.submit(other::deliverDue));
                assertThat(both.get(0).get() + both.get(1).get()).isEqualTo(41);
            } finally {
                other.stop();
            }
            Map<String, Long> perKey = hook.received.stream().collect(Collectors.groupingBy(
                    x -> x.header("X-Switchback-Idempotency-Key"), Collectors.counting()));
            assertThat(perKey).hasSize(41).containsEntry("verification.stale:same", 1L).allSatisfy((k, n) ->
                    assertThat(n).as(k).isEqualTo(1L));
        }
    }

    private EventMessage message(String subject) {
        return new EventMessage(Event.VERIFICATION_STALE, cluster, null, "Stale " + subject, "Text " + subject,
                "clusters/" + cluster, subject);
    }

    private Channel save(String name, ChannelType type, String endpoint, String secret) {
        return service.save(new ChannelForm(null, name, type, true, endpoint, secret, false, "", "", null, Set.of(),
                EnumSet.allOf(Event.class), Set.of()));
    }

    /** A DBA asks for a rollback: the event "a request waits for approval". */
    private long request() {
        TestUsers.loginAs("dba", "DBA");
        return migrations.request(cluster, MigrationAction.ROLL_BACK, ActionOptions.swap(true), "Checkout errors",
                Set.copyOf(com.switchback.migration.CheckSummary.warningNames(
                        migrations.checks(cluster, MigrationAction.ROLL_BACK, ActionOptions.swap(true))))).id();
    }

    private static Map<String, String> query(String raw) {
        return java.util.Arrays.stream(raw.split("&")).map(p -> p.split("=", 2)).collect(Collectors.toMap(
                p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
