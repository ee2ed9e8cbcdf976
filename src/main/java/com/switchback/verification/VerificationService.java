package com.switchback.verification;

import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import com.switchback.base.AppRoles;
import com.switchback.base.ActionRefusedException;
import com.switchback.migration.MigrationBackends;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verify Data: any DBA or team lead starts one (it only reads, so it needs no approval); it is
 * audited, runs in the background ({@link VerificationRunner}) and may be cancelled. It is refused
 * while a request is open on the cluster, and no request is made while it runs ({@link VerificationGate}).
 */
@Service
public class VerificationService {

    /** Differences shown in the page; every one of them is in the CSV. */
    public static final int SHOWN_DIFFERENCES = 200;

    private final VerificationRepository repository;
    private final MigrationBackends backends;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final VerificationProperties properties;
    /** Every open cluster page asks for the latest verification on each change of its cluster: one read per change. */
    private final com.switchback.migration.PerChangeCache<Optional<Verification>> latest;
    private final com.switchback.migration.MigrationEvents events;

    VerificationService(VerificationRepository repository, MigrationBackends backends, AuditLog audit, JdbcClient jdbc,
                        TransactionTemplate tx, VerificationProperties properties,
                        com.switchback.migration.MigrationEvents events) {
        this.events = events;
        this.latest = new com.switchback.migration.PerChangeCache<>(events);
        // Read ahead of the pages showing a changed cluster, once, outside their locks.
        events.beforeDelivery(changed -> latest.warm(changed, repository::latest));
        this.repository = repository;
        this.backends = backends;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
    }

    /**
     * Queues a verification of the cluster. Not transactional as a whole: whether the backend can
     * compare the cluster is read first, with no database connection held.
     */
    @PreAuthorize(AppRoles.CAN_OPERATE)
    public Verification start(String clusterId) {
        String backend = repository.backendOf(clusterId)
                .orElseThrow(() -> new ActionRefusedException("refusal.noCluster", clip(clusterId)));
        String unavailable = backends.get(backend).dataCheckUnavailable(clusterId);
        if (unavailable != null) {
            throw refused(clusterId, unavailable);
        }
        Object started = tx.execute(s -> {
            // The migration's row, locked: a request made at this moment waits for this decision, and sees it.
            jdbc.sql("select 1 from migration where cluster_id = :c for update").param("c", clusterId)
                    .query(Integer.class).optional();
            Optional<Long> open = jdbc.sql("""
                            select id from migration_request
                            where cluster_id = :c and state in ('PENDING', 'APPROVED', 'EXECUTING')""")
                    .param("c", clusterId).query(Long.class).optional();
            if (open.isPresent()) {
                return com.switchback.base.i18n.Text.of("refusal.verifyRequestOpen", open.get());
            }
            if (repository.open(clusterId).isPresent()) {
                return com.switchback.base.i18n.Text.of("refusal.verifyRunning");
            }
            long id = repository.insert(clusterId, Actor.current().name());
            audit.record("verification.requested", clusterId, null, Outcome.SUCCESS, "Verification #" + id
                    + " requested: compares every table of both sides, chunk by chunk, while writes go on.");
            return repository.find(id).orElseThrow();
        });
        if (started instanceof com.switchback.base.i18n.Text why) {
            throw refused(clusterId, why);
        }
        changed(clusterId);
        return (Verification) started;
    }

    /** Stops a verification: at once if no node has started it, else at its next chunk. */
    @PreAuthorize(AppRoles.CAN_OPERATE)
    @Transactional
    public void cancel(long id) {
        Verification v = repository.find(id).orElseThrow(() -> new ActionRefusedException("refusal.noVerification", id));
        if (!v.state().open()) {
            throw new ActionRefusedException("refusal.verificationEnded", id);
        }
        if (!repository.cancelQueued(id)) {
            repository.requestCancel(id);
        }
        audit.record("verification.cancel-requested", v.clusterId(), null, Outcome.SUCCESS,
                "Verification #" + id + " cancelled by " + Actor.current().name() + ".");
        changed(v.clusterId());
    }

    /** Every open page of the cluster hears of it; this node reads it afresh at once. */
    private void changed(String clusterId) {
        latest.invalidate(clusterId);
        events.publish(clusterId);
    }

    /** Why the cluster's backend cannot verify its data now, or null when it can (reads the backend). */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public String unavailable(String clusterId) {
        Optional<String> backend = repository.backendOf(clusterId);
        return backend.isEmpty() ? "There is no cluster " + clip(clusterId) + "."
                : backends.get(backend.get()).dataCheckUnavailable(clusterId);
    }

    /** Shared by every open page of the cluster, read once per change (no transaction: one statement). */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public Optional<Verification> latest(String clusterId) {
        return latest.get(clusterId, () -> repository.latest(clusterId));
    }

    /** The newest finished verification, whose outcome and age count for the policy. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public Optional<Verification> latestDone(String clusterId) {
        return repository.latestDone(clusterId);
    }

    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public Optional<Verification> find(long id) {
        return repository.find(id);
    }

    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public List<Verification.Table> tables(long id) {
        return repository.tables(id);
    }

    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public List<Verification.Difference> differences(long id) {
        return repository.differences(id, SHOWN_DIFFERENCES);
    }

    /** Every differing key as CSV: table, kind, then the key's values as a JSON array. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public void exportDifferences(long id, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write("table,kind,key\n");
        try {
            repository.eachDifference(id, d -> {
                try {
                    w.write(csv(d.table()) + "," + d.kind() + "," + csv(d.key()) + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    /** How long a verification counts as fresh. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public java.time.Duration maxAge() {
        return properties.maxAge();
    }

    private ActionRefusedException refused(String clusterId, String why) {
        return refused(clusterId, com.switchback.base.i18n.Text.asWritten(why));
    }

    private ActionRefusedException refused(String clusterId, com.switchback.base.i18n.Text why) {
        audit.record("verification.refused", clusterId, null, Outcome.DENIED, why.english());
        return new ActionRefusedException(why);
    }

    private static String csv(String value) {
        String v = value == null ? "" : value;
        // A cell that a spreadsheet would run as a formula is kept as text.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String clip(String s) {
        return s == null ? "" : s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
