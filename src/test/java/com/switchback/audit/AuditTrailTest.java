package com.switchback.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.SwitchbackTest;
import com.switchback.TestUsers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The audit trail on the shared database: append-only, one chain, safe exports, per-role access. */
@SwitchbackTest
class AuditTrailTest {

    @Autowired AuditLog log;
    @Autowired AuditService audit;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @Autowired @org.springframework.beans.factory.annotation.Qualifier("embeddedOwnerDataSource")
    javax.sql.DataSource ownerDataSource;

    @Test
    void theApplicationsRoleMayOnlyReadAndAppendAndTheOwnerIsStoppedByTheTrigger() {
        TestUsers.loginAs("dba", "DBA");
        log.record("test.event", "pc-audit", null, Outcome.SUCCESS, "something happened");
        for (String table : new String[] {"audit_event", "audit_checkpoint"}) {
            for (String sql : new String[] {"update " + table + " set key_id = key_id", "delete from " + table,
                    "truncate " + table, "alter table " + table + " disable trigger user"}) {
                String statement = sql.replace("audit_event set key_id = key_id", "audit_event set details = 'nothing happened'");
                assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement)
                        .isInstanceOf(DataAccessException.class).rootCause()
                        .satisfiesAnyOf(e -> assertThat(e).hasMessageContaining("permission denied"),
                                e -> assertThat(e).hasMessageContaining("must be owner"));
            }
        }
        JdbcClient owner = JdbcClient.create(ownerDataSource);
        assertThatThrownBy(() -> owner.sql("update audit_event set details = 'nothing happened'").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("delete from audit_event").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("truncate audit_event").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("switchback_app");
    }

    @Test
    void concurrentWritersMakeOneUnbrokenChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int writer = t;
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        log.record(new Actor("writer" + writer, "DBA", "127.0.0.1"), "test.concurrent", null, null,
                                Outcome.SUCCESS, false, "event " + i);
                    }
                }));
            }
            for (Future<?> f : writes) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> seqs = jdbc.sql("select seq from audit_event order by seq").query(Long.class).list();
        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).isEqualTo(i + 1L);
        }
        TestUsers.loginAs("auditor", "AUDITOR");
        Verification v = audit.verify();
        assertThat(v.intact()).as(v.summary()).isTrue();
        assertThat(v.summary()).startsWith("Intact, " + v.events() + " events.");
        assertThat(v.events()).isGreaterThanOrEqualTo(120);
    }

    @Test
    void exportsKeepOneEventPerLineWhateverTheTextHolds() throws Exception {
        TestUsers.loginAs("dba", "DBA");
        String hostile = "line one\nline two\r\n\"quoted\", =cmd|' /C calc'!A0 <script>alert(1)</script>";
        log.record("test.hostile", "pc-hostile", null, Outcome.FAILURE, hostile);
        TestUsers.loginAs("auditor", "AUDITOR");
        AuditFilter onlyThis = new AuditFilter(null, null, null, "test.hostile", "pc-hostile", null, null);

        String csv = export(onlyThis, AuditExport.CSV);
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("seq,occurred_at,actor");
        assertThat(lines.get(1)).contains("\"line one\\nline two \\n\"\"quoted\"\", =cmd|' /C calc'!A0 <script>alert(1)</script>\"")
                .contains("\"FAILURE\"");

        String json = export(onlyThis, AuditExport.JSON_LINES);
        assertThat(json.lines().toList()).hasSize(1);
        assertThat(json).contains("\"details\":\"line one\\nline two \\n\\\"quoted\\\", =cmd|' /C calc'!A0 \\u003cscript>alert(1)\\u003c/script>\"")
                .contains("\"cluster_id\":\"pc-hostile\"");
    }

    @Test
    void aSpreadsheetFormulaIsDefused() {
        assertThat(AuditExport.csv("=SUM(A1)")).isEqualTo("\"'=SUM(A1)\"");
        assertThat(AuditExport.csv("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(AuditExport.csv("plain")).isEqualTo("\"plain\"");
    }

    @Test
    void controlCharactersAndOversizeTextAreStoredSafely() {
        TestUsers.loginAs("dba", "DBA");
        log.record("test.oversize", null, null, Outcome.SUCCESS, "bell\u0007 " + "x".repeat(10_000));
        String stored = jdbc.sql("select details from audit_event where action = 'test.oversize' order by seq desc limit 1")
                .query(String.class).single();
        assertThat(stored).startsWith("bell  ").endsWith("…(cut)").hasSizeLessThan(4100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DBA", "TEAM_LEAD"})
    void onlyAuditorsAndAdministratorsReadTheTrail(String role) {
        TestUsers.loginAs("someone", role);
        assertThatThrownBy(() -> audit.page(AuditFilter.ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.verify()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> audit.export(AuditFilter.ALL, AuditExport.CSV, new ByteArrayOutputStream()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AUDITOR", "ADMIN"})
    void auditorsAndAdministratorsFilterTheTrail(String role) {
        TestUsers.loginAs("dba", "DBA");
        log.record("test.filter", "pc-filter-" + role, null, Outcome.DENIED, "filtered");
        TestUsers.loginAs("someone", role);
        var filter = new AuditFilter(null, null, "dba", null, "pc-filter-" + role, Outcome.DENIED, null);
        assertThat(audit.count(filter)).isEqualTo(1);
        assertThat(audit.page(filter, 0, 10)).singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("test.filter");
                    assertThat(e.actorRoles()).isEqualTo("DBA");
                });
    }

    private String export(AuditFilter filter, AuditExport format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        audit.export(filter, format, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
