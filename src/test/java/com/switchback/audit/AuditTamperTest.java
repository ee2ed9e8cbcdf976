package com.switchback.audit;

import com.switchback.SeparateDatabase;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.ContextSecurityStrategy;
import com.switchback.TestUsers;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tampering, on a database of its own: a superuser who switches the trigger off and edits or
 * deletes events is caught by verification, which names the first broken event. Also a large
 * trail: 100,000 events are verified and exported from a cursor.
 */
@SpringBootTest(properties = "switchback.scheduling.enabled=false")
@ExtendWith(ContextSecurityStrategy.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTamperTest {

    private static final SeparateDatabase SERVER = new SeparateDatabase();
    private static final int LARGE = 100_000;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SERVER.register(registry);
    }

    @AfterAll
    static void stop() throws IOException {
        SERVER.close();
    }

    @Autowired AuditService audit;
    @Autowired DataSource dataSource;

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @Test
    @Order(1)
    void aLargeTrailIsVerifiedAndExportedWithoutHoldingItInMemory() throws Exception {
        appendValidEvents(LARGE);
        TestUsers.loginAs("auditor", "AUDITOR");
        Verification v = audit.verify();
        assertThat(v.intact()).as(v.summary()).isTrue();
        assertThat(v.events()).isGreaterThanOrEqualTo(LARGE);

        LineCounter csv = new LineCounter();
        audit.export(new AuditFilter(null, null, "bulk", null, null, null, null), AuditExport.CSV, csv);
        assertThat(csv.lines).isEqualTo(LARGE + 1);
        LineCounter json = new LineCounter();
        audit.export(new AuditFilter(null, null, "bulk", null, null, null, null), AuditExport.JSON_LINES, json);
        assertThat(json.lines).isEqualTo(LARGE);
        System.out.printf("Exported %d events as CSV (%d bytes) and JSON lines (%d bytes).%n", LARGE, csv.bytes, json.bytes);
    }

    @Test
    @Order(2)
    void anEditedEventIsNamedByVerification() throws Exception {
        asSuperuserWithoutTriggers("update audit_event set details = 'nothing to see' where seq = 500");
        TestUsers.loginAs("auditor", "AUDITOR");
        Verification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(500);
        assertThat(v.summary()).isEqualTo("Broken at event 500: its content does not match its hash: it was changed.");
        // Putting the text back restores the chain: the hash is of the content, nothing else.
        asSuperuserWithoutTriggers("update audit_event set details = 'bulk event 499' where seq = 500");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    @Order(3)
    void aDeletedEventIsNamedByVerification() throws Exception {
        List<AuditEvent> removed = new JdbcTemplate(dataSource).query("select * from audit_event where seq = 700",
                AuditRepository::event);
        asSuperuserWithoutTriggers("delete from audit_event where seq = 700");
        TestUsers.loginAs("admin", "ADMIN");
        Verification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(700);
        assertThat(v.summary()).isEqualTo("Broken at event 700: event 700 is missing (the next one is 701).");
        rewrite(removed, null);
        assertThat(audit.verify().intact()).as("put back as it was").isTrue();
    }

    @Autowired AuditCheckpoints checkpoints;

    @Test
    @Order(10)
    void aConsistentRewriteWithoutTheKeyIsCaughtByTheSignedCheckpoint() throws Exception {
        TestUsers.loginAs("auditor", "AUDITOR");
        checkpoints.write();
        Verification before = audit.verify();
        assertThat(before.intact()).as(before.summary()).isTrue();
        assertThat(before.checkpoints()).isPositive();
        assertThat(before.summary()).contains("signed checkpoint");

        // Someone with the owner's rights rewrites the last events and recomputes every hash after them.
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        long signed = jdbc.queryForObject("select max(event_seq) from audit_checkpoint", Long.class);
        List<AuditEvent> original = jdbc.query("select * from audit_event where seq between ? and ? order by seq",
                AuditRepository::event, signed - 2, signed);
        rewrite(original, "nothing to see here");
        Verification after = audit.verify();
        assertThat(after.intact()).isFalse();
        assertThat(after.brokenAt()).isEqualTo(signed);
        assertThat(after.problem()).contains("rewritten, hashes and all");
        rewrite(original, null);
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    @Order(11)
    void aCheckpointForgedWithAnotherKeyIsCaught() throws Exception {
        TestUsers.loginAs("auditor", "AUDITOR");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        var head = jdbc.queryForMap("select seq, hash from audit_event order by seq desc limit 1");
        byte[] otherKey = new byte[32];
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var forged = new AuditCheckpoints.Checkpoint(0, (Long) head.get("seq"), (String) head.get("hash"), at,
                AuditKey.idOf(otherKey), "");
        jdbc.update("insert into audit_checkpoint (event_seq, head_hash, created_at, key_id, signature) values (?, ?, ?, ?, ?)",
                forged.eventSeq(), forged.headHash(), Timestamp.from(at), forged.keyId(),
                AuditKey.hmac(otherKey, forged.content()));
        assertThat(audit.verify().problem()).contains("not signed with this installation's audit key");
        asSuperuserWithoutTriggers("delete from audit_checkpoint where key_id = '" + forged.keyId() + "'");

    }

    @Test
    @Order(12)
    void anExportIsCheckedOfflineWithTheKeyAlone() throws Exception {
        TestUsers.loginAs("auditor", "AUDITOR");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("audit", ".jsonl");
        try (OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            audit.export(AuditFilter.ALL, AuditExport.JSON_LINES, out);
        }
        assertThat(java.nio.file.Files.readString(file)).contains("{\"checkpoint\":");
        Verification offline = OfflineCheck.check(file, SERVER.auditKey);
        assertThat(offline.intact()).as(offline.summary()).isTrue();
        assertThat(offline.checkpoints()).isPositive();
        assertThat(OfflineCheck.check(file, new byte[32]).intact()).as("another key").isFalse();

        String text = java.nio.file.Files.readString(file);
        java.nio.file.Files.writeString(file, text.replaceFirst("bulk event 7\"", "bulk event 8\""));
        Verification edited = OfflineCheck.check(file, SERVER.auditKey);
        assertThat(edited.intact()).isFalse();
        assertThat(edited.problem()).contains("does not match its hash");
        java.nio.file.Files.delete(file);
    }

    @Test
    @Order(13)
    void eventsRemovedFromTheEndAfterACheckpointAreCaught() throws Exception {
        TestUsers.loginAs("auditor", "AUDITOR");
        checkpoints.write();
        long signed = new JdbcTemplate(dataSource).queryForObject("select max(event_seq) from audit_checkpoint", Long.class);
        asSuperuserWithoutTriggers("delete from audit_event where seq = " + signed);
        Verification truncated = audit.verify();
        assertThat(truncated.intact()).isFalse();
        assertThat(truncated.problem()).contains("the trail ends at event " + (signed - 1))
                .contains("events were removed from its end");
    }

    /**
     * Writes {@code events} back with their details replaced (or as they were, when null), each hash
     * recomputed and linked, as someone with the owner's rights and no key could.
     */
    private void rewrite(List<AuditEvent> events, String details) throws Exception {
        String prev = events.get(0).prevHash();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            for (AuditEvent e : events) {
                String text = details == null ? e.details() : details;
                String hash = AuditChain.hash(e.hashVersion(), prev, e.seq(), e.occurredAt().toString(), e.actor(),
                        e.actorRoles(), e.clientAddress(), e.action(), e.clusterId(), e.requestId(), e.outcome(),
                        e.emergency(), text);
                var p = c.prepareStatement("""
                        insert into audit_event (seq, occurred_at, actor, actor_roles, client_address, action, cluster_id,
                            request_id, outcome, emergency, details, prev_hash, hash, hash_version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (seq) do update set occurred_at = excluded.occurred_at, actor = excluded.actor,
                            actor_roles = excluded.actor_roles, client_address = excluded.client_address,
                            action = excluded.action, cluster_id = excluded.cluster_id, request_id = excluded.request_id,
                            outcome = excluded.outcome, emergency = excluded.emergency, details = excluded.details,
                            prev_hash = excluded.prev_hash, hash = excluded.hash, hash_version = excluded.hash_version""");
                p.setLong(1, e.seq());
                p.setTimestamp(2, Timestamp.from(e.occurredAt()));
                p.setString(3, e.actor());
                p.setString(4, e.actorRoles());
                p.setString(5, e.clientAddress());
                p.setString(6, e.action());
                p.setString(7, e.clusterId());
                p.setObject(8, e.requestId());
                p.setString(9, e.outcome().name());
                p.setBoolean(10, e.emergency());
                p.setString(11, text);
                p.setString(12, prev);
                p.setString(13, hash);
                p.setInt(14, e.hashVersion());
                p.executeUpdate();
                prev = hash;
            }
            s.execute("set session_replication_role = origin");
        }
    }

    /** A superuser's way round the trigger: replication mode skips ordinary triggers. */
    private void asSuperuserWithoutTriggers(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            s.execute(sql);
            s.execute("set session_replication_role = origin");
        }
    }

    /** Appends a valid chain in batches (as the application would, only faster). */
    private void appendValidEvents(int count) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        var last = jdbc.query("select seq, hash from audit_event order by seq desc limit 1",
                (rs, n) -> new Object[]{rs.getLong(1), rs.getString(2)});
        long seq = last.isEmpty() ? 0 : (Long) last.get(0)[0];
        String prev = last.isEmpty() ? AuditChain.GENESIS : (String) last.get(0)[1];
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            seq++;
            Instant when = at.plus(i, ChronoUnit.MICROS);
            String details = "bulk event " + i;
            String hash = AuditChain.hash(AuditChain.CURRENT_VERSION, prev, seq, when.toString(), "bulk", "DBA", "127.0.0.1", "test.bulk",
                    "pc-bulk", null, Outcome.SUCCESS, false, details);
            batch.add(new Object[]{seq, Timestamp.from(when), "bulk", "DBA", "127.0.0.1", "test.bulk", "pc-bulk", null,
                    "SUCCESS", false, details, prev, hash});
            prev = hash;
            if (batch.size() == 5000) {
                insert(jdbc, batch);
                batch.clear();
            }
        }
        insert(jdbc, batch);
    }

    private static void insert(JdbcTemplate jdbc, List<Object[]> rows) {
        jdbc.batchUpdate("""
                insert into audit_event (seq, occurred_at, actor, actor_roles, client_address, action, cluster_id,
                    request_id, outcome, emergency, details, prev_hash, hash, hash_version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 2)""", rows,
                new int[]{java.sql.Types.BIGINT, java.sql.Types.TIMESTAMP, java.sql.Types.VARCHAR,
                        java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR, java.sql.Types.VARCHAR,
                        java.sql.Types.BIGINT, java.sql.Types.VARCHAR, java.sql.Types.BOOLEAN, java.sql.Types.VARCHAR,
                        java.sql.Types.VARCHAR, java.sql.Types.VARCHAR});
    }

    /** Counts what an export writes without keeping it. */
    private static final class LineCounter extends OutputStream {
        long lines;
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') {
                lines++;
            }
        }
    }

}
