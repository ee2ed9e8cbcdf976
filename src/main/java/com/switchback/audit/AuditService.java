package com.switchback.audit;

import com.switchback.base.AppRoles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Reading, verifying and exporting the audit trail: for auditors and administrators. */
@Service
public class AuditService {

    static final int MAX_PAGE = 500;

    private final AuditRepository events;
    private final AuditLog log;
    private final TransactionTemplate readOnly;
    private final AuditCheckpoints checkpoints;

    AuditService(AuditRepository events, AuditLog log, TransactionTemplate transactions, AuditCheckpoints checkpoints) {
        this.events = events;
        this.log = log;
        this.checkpoints = checkpoints;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    @PreAuthorize(AppRoles.CAN_AUDIT)
    @Transactional(readOnly = true)
    public List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
        return events.page(filter, true, Math.max(0, offset), Math.clamp(limit, 1, MAX_PAGE));
    }

    /** One event, by its place in the chain. */
    @PreAuthorize(AppRoles.CAN_AUDIT)
    @Transactional(readOnly = true)
    public java.util.Optional<AuditEvent> event(long seq) {
        return events.find(seq);
    }

    @PreAuthorize(AppRoles.CAN_AUDIT)
    @Transactional(readOnly = true)
    public int count(AuditFilter filter) {
        return events.count(filter);
    }

    @PreAuthorize(AppRoles.CAN_AUDIT)
    @Transactional(readOnly = true)
    public List<String> actions() {
        return events.actions();
    }

    /**
     * Who was given or lost which role, which accounts were created, disabled or reset: team leads
     * see it, since their four eyes rely on nobody else holding their role by surprise.
     */
    @PreAuthorize(AppRoles.CAN_SEE_ACCOUNT_CHANGES)
    @Transactional(readOnly = true)
    public List<AuditEvent> accountChanges() {
        return events.accountChanges(MAX_PAGE);
    }

    /** What happened to one request, oldest first: its timeline, which every role may read. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public List<AuditEvent> timeline(long requestId) {
        return events.page(AuditFilter.ofRequest(requestId), false, 0, MAX_PAGE);
    }

    /**
     * Walks the whole chain in order and checks each event's link and hash. The check itself is
     * recorded (after the walk, so it does not verify itself).
     */
    @PreAuthorize(AppRoles.CAN_AUDIT)
    public Verification verify() {
        Verification result = readOnly.execute(tx -> walk());
        log.record("audit.verified", null, null, result.intact() ? Outcome.SUCCESS : Outcome.FAILURE, result.summary());
        return result;
    }

    /**
     * Writes the filtered events to {@code out}, streamed from a database cursor. Every export signs a
     * checkpoint first; an unfiltered JSON-lines export ends with every checkpoint, so the offline
     * check ({@link OfflineCheck}) can verify it with the key alone.
     */
    @PreAuthorize(AppRoles.CAN_AUDIT)
    public void export(AuditFilter filter, AuditExport format, OutputStream out) throws IOException {
        log.record("audit.exported", filter.clusterId(), filter.requestId(), Outcome.SUCCESS,
                "Export as " + format.name() + " of " + filter);
        checkpoints.write();
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        readOnly.executeWithoutResult(tx -> {
            long[] last = {0};
            format.header(writer);
            events.stream(filter, e -> {
                format.row(writer, e);
                last[0] = e.seq();
            });
            if (format == AuditExport.JSON_LINES && filter.equals(AuditFilter.ALL)) {
                checkpoints.all().stream().filter(c -> c.eventSeq() <= last[0]).forEach(c -> format.checkpoint(writer, c));
            }
        });
        writer.flush();
    }

    private Verification walk() {
        ChainWalk walk = new ChainWalk(checkpoints.all(), checkpoints::valid);
        events.stream(AuditFilter.ALL, walk::accept);
        return walk.result();
    }

}
