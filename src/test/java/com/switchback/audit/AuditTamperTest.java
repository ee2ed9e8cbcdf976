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
        asSuperuserWithoutTriggers("delete from audit_event where seq = 700");
        TestUsers.loginAs("admin", "ADMIN");
        Verification v = audit.verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.brokenAt()).isEqualTo(700);
        assertThat(v.summary()).isEqualTo("Broken at event 700: event 700 is missing (the next one is 701).");
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
            String hash = AuditChain.hash(prev, seq, when.toString(), "bulk", "DBA", "127.0.0.1", "test.bulk",
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
                    request_id, outcome, emergency, details, prev_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows,
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
