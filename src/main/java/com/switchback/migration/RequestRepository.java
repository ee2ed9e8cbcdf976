package com.switchback.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import com.switchback.base.jobs.JobClaims;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests and their step journal. Every state change checks the expected state (and owner). */
@Repository
class RequestRepository {

    private final JdbcClient jdbc;
    private final JobClaims claims;

    RequestRepository(JdbcClient jdbc, JobClaims claims) {
        this.jdbc = jdbc;
        this.claims = claims;
    }

    long insert(String clusterId, MigrationAction action, ActionOptions options, RequestState state, String requestedBy,
                String reason, boolean emergency, Duration validFor, RequestConditions conditions) {
        return jdbc.sql("""
                        insert into migration_request (cluster_id, action, swap_endpoints, continue_binlog, state,
                            requested_by, reason, emergency, expires_at, endpoints_swapped_after, window_start,
                            window_end, freeze_exception)
                        values (:c, :a, :s, :binlog, :st, :by, :reason, :emergency,
                            coalesce(cast(:windowEnd as timestamptz), now() + make_interval(secs => :valid)), :after,
                            cast(:windowStart as timestamptz), cast(:windowEnd as timestamptz), :freezeException)
                        returning id""")
                .param("c", clusterId).param("a", action.name()).param("s", options.swapEndpoints())
                .param("after", options.endpointsSwappedAfter())
                .param("binlog", options.continueBinlog())
                .param("st", state.name()).param("by", requestedBy).param("reason", reason)
                .param("emergency", emergency).param("valid", validFor.toMillis() / 1000.0)
                .param("windowStart", timestamp(conditions.windowStart()))
                .param("windowEnd", timestamp(conditions.windowEnd()))
                .param("freezeException", conditions.freezeException())
                .query(Long.class).single();
    }

    void insertSteps(long requestId, List<MigrationStep> steps) {
        for (int i = 0; i < steps.size(); i++) {
            jdbc.sql("""
                            insert into operation_step (request_id, seq, step_key, title, state)
                            values (:r, :seq, :k, :t, 'PENDING')""")
                    .param("r", requestId).param("seq", i).param("k", steps.get(i).key())
                    .param("t", steps.get(i).title())
                    .update();
        }
    }

    Optional<MigrationRequest> find(long id) {
        return jdbc.sql("select * from migration_request where id = :id").param("id", id)
                .query(RequestRepository::request).optional();
    }

    /** Reads a request under a row lock, for a decision on it. */
    Optional<MigrationRequest> lock(long id) {
        return jdbc.sql("select * from migration_request where id = :id for update").param("id", id)
                .query(RequestRepository::request).optional();
    }

    /**
     * A decision or an expiry: moves the request by {@code t} if it is still in one of the states the
     * move starts from and nobody changed it since {@code version}.
     */
    boolean decide(long id, long version, RequestTransition t, String decidedBy, String comment) {
        return jdbc.sql("""
                        update migration_request set state = :to, decided_by = :by, decided_at = now(),
                            decision_comment = :comment, version = version + 1,
                            finished_at = case when :ends then now() else finished_at end
                        where id = :id and version = :version and state in (%s)""".formatted(RequestState.sqlList(t.from())))
                .param("to", t.to().name()).param("by", decidedBy).param("comment", comment).param("id", id)
                .param("version", version).param("ends", t.ends())
                .update() == 1;
    }

    /**
     * Hands a failed request back to the executors: its failed step goes back to pending, the
     * steps already done stay done. Only from FAILED and only at the version the caller saw.
     */
    boolean retry(long id, long version, Duration validFor) {
        int updated = jdbc.sql("""
                        update migration_request set state = 'APPROVED', executor_id = null, heartbeat_at = null,
                            finished_at = null, error = null, state_left = null, version = version + 1,
                            expires_at = now() + make_interval(secs => :valid)
                        where id = :id and state = 'FAILED' and not safety_stop and version = :version""")
                .param("id", id).param("version", version).param("valid", validFor.toSeconds()).update();
        if (updated == 1) {
            jdbc.sql("""
                            update operation_step set state = 'PENDING', error = null, started_at = null, finished_at = null
                            where request_id = :id and state in ('FAILED', 'RUNNING')""")
                    .param("id", id).update();
        }
        return updated == 1;
    }

    /** Requests that waited too long: pending or approved but never started. */
    List<MigrationRequest> overdue() {
        return jdbc.sql("""
                        select * from migration_request where state in (%s) and expires_at <= now()
                        order by id for update skip locked""".formatted(RequestState.sqlList(RequestTransition.EXPIRE.from())))
                .query(RequestRepository::request).list();
    }


    Optional<MigrationRequest> openFor(String clusterId) {
        return jdbc.sql("select * from migration_request where cluster_id = :c and state in (" + RequestState.sqlList(RequestState.OPEN) + ")")
                .param("c", clusterId).query(RequestRepository::request).optional();
    }

    /** Keeps the checks a request met at one phase (a phase run again replaces its earlier run). */
    void saveChecks(long requestId, String phase, List<RequestPlan.Check> checks) {
        jdbc.sql("delete from request_check where request_id = :r and phase = :p").param("r", requestId).param("p", phase)
                .update();
        for (int i = 0; i < checks.size(); i++) {
            RequestPlan.Check c = checks.get(i);
            jdbc.sql("""
                            insert into request_check (request_id, phase, seq, name, outcome, detail, fix)
                            values (:r, :p, :seq, :name, :outcome, :detail, :fix)""")
                    .param("r", requestId).param("p", phase).param("seq", i).param("name", c.name())
                    .param("outcome", c.warning() ? "WARN" : c.passed() ? "PASS" : "FAIL")
                    .param("detail", c.detail() == null ? "" : c.detail()).param("fix", c.fix()).update();
        }
    }

    /** The checks a request met at one phase, in order. */
    List<RequestPlan.Check> checks(long requestId, String phase) {
        return jdbc.sql("select name, outcome, detail, fix from request_check where request_id = :r and phase = :p order by seq")
                .param("r", requestId).param("p", phase)
                .query((rs, n) -> new RequestPlan.Check(rs.getString(1), !"FAIL".equals(rs.getString(2)), rs.getString(3),
                        "WARN".equals(rs.getString(2)), rs.getString(4)))
                .list();
    }

    /** The Switch Overs and Roll Backs that succeeded on a migration, newest first. */
    List<MigrationRequest> succeededHandovers(String clusterId) {
        return jdbc.sql("""
                        select * from migration_request where cluster_id = :c and state = 'SUCCEEDED'
                            and action in ('SWITCH_OVER', 'ROLL_BACK') order by id desc""")
                .param("c", clusterId).query(RequestRepository::request).list();
    }

    /** The newest request of a migration, open or finished: what its status panel shows. */
    Optional<MigrationRequest> latestFor(String clusterId) {
        return jdbc.sql("select * from migration_request where cluster_id = :c order by id desc limit 1")
                .param("c", clusterId).query(RequestRepository::request).optional();
    }

    List<MigrationRequest> search(RequestFilter f, int offset, int limit) {
        var spec = jdbc.sql("select * from migration_request" + where(f) + " order by id desc limit :limit offset :offset");
        return bind(spec, f).param("limit", limit).param("offset", offset).query(RequestRepository::request).list();
    }

    int count(RequestFilter f) {
        return bind(jdbc.sql("select count(*) from migration_request" + where(f)), f).query(Integer.class).single();
    }

    private static String where(RequestFilter f) {
        StringBuilder w = new StringBuilder(" where true");
        if (f.state() != null) w.append(" and state = :state");
        if (f.clusterId() != null) w.append(" and cluster_id = :cluster");
        if (f.requester() != null) w.append(" and requested_by = :requester");
        if (f.from() != null) w.append(" and requested_at >= :from");
        if (f.to() != null) w.append(" and requested_at < :to");
        return w.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec s, RequestFilter f) {
        if (f.state() != null) s = s.param("state", f.state().name());
        if (f.clusterId() != null) s = s.param("cluster", f.clusterId());
        if (f.requester() != null) s = s.param("requester", f.requester());
        if (f.from() != null) s = s.param("from", java.sql.Timestamp.from(f.from()));
        if (f.to() != null) s = s.param("to", java.sql.Timestamp.from(f.to()));
        return s;
    }

    List<StepRecord> steps(long requestId) {
        return jdbc.sql("select * from operation_step where request_id = :r order by seq")
                .param("r", requestId).query(RequestRepository::step).list();
    }

    /** A claim as the database made it: the lease, and whom it was taken from (a takeover). */
    record Claimed(Lease lease, String previousExecutor) {
    }

    /**
     * Requests as jobs of the one claim-and-fence mechanism: ready once approved and inside their
     * maintenance window (if they have one), until they expire (a windowed request at the window's end).
     * The claim itself checks the window, so no node starts a request outside it.
     */
    static final JobClaims.Kind JOBS = new JobClaims.Kind("migration_request",
            "state = 'APPROVED' and expires_at > now() and (window_start is null or window_start <= now())", "EXECUTING",
            "started_at = coalesce(j.started_at, now()), version = j.version + 1");

    /**
     * Claims the oldest request that is ready, or whose executor stopped sending heartbeats, with a
     * new fencing epoch (see {@link JobClaims}).
     */
    Optional<Claimed> claim(String executorId, Duration staleAfter, java.util.Set<Long> runningHere) {
        return claims.claim(JOBS, executorId, staleAfter, runningHere).map(c -> new Claimed(
                new Lease(c.jobId(), executorId, c.epoch(), c.takeover()), c.previousExecutor()));
    }

    /** Heartbeat and fence check in one: false once another executor holds the request (we must stop). */
    boolean touch(Lease lease) {
        return claims.touch(JOBS, claimOf(lease));
    }

    /**
     * Inside a transaction: whether the lease still holds, keeping the row share-locked until commit,
     * so a takeover waits for this transaction instead of racing it.
     */
    boolean holds(Lease lease) {
        return claims.holds(JOBS, claimOf(lease));
    }

    private static JobClaims.Claim claimOf(Lease lease) {
        return new JobClaims.Claim(lease.requestId(), lease.executorId(), lease.epoch(), null);
    }

    /** Appended to a journal write: it changes a row only while the run's epoch holds. */
    private static final String HELD = " " + """
             and exists (select 1 from migration_request m
                         where m.id = :r and m.epoch = :e and m.state = 'EXECUTING')""";

    boolean stepRunning(Lease lease, int seq) {
        return jdbc.sql("""
                        update operation_step set state = 'RUNNING', started_at = coalesce(started_at, now()), error = null
                        where request_id = :r and seq = :seq and state in ('PENDING','RUNNING')""" + HELD)
                .param("r", lease.requestId()).param("e", lease.epoch()).param("seq", seq).update() == 1;
    }

    boolean stepDone(Lease lease, int seq, String note) {
        return jdbc.sql("""
                        update operation_step set state = 'DONE', finished_at = now(), note = :note
                        where request_id = :r and seq = :seq""" + HELD)
                .param("r", lease.requestId()).param("e", lease.epoch()).param("seq", seq)
                .param("note", note == null ? "" : note).update() == 1;
    }

    boolean stepFailed(Lease lease, int seq, String error) {
        return jdbc.sql("""
                        update operation_step set state = 'FAILED', finished_at = now(), error = :e2
                        where request_id = :r and seq = :seq""" + HELD)
                .param("r", lease.requestId()).param("e", lease.epoch()).param("seq", seq).param("e2", error)
                .update() == 1;
    }

    boolean stepPending(Lease lease, int seq) {
        return jdbc.sql("""
                        update operation_step set state = 'PENDING', started_at = null, finished_at = null
                        where request_id = :r and seq = :seq and state = 'RUNNING'""" + HELD)
                .param("r", lease.requestId()).param("e", lease.epoch()).param("seq", seq).update() == 1;
    }

    /** When an attempt of this step sent its outward call, or null (kept across retries and takeovers). */
    Instant callSentAt(long requestId, int seq) {
        return jdbc.sql("select call_sent_at from operation_step where request_id = :r and seq = :seq")
                .param("r", requestId).param("seq", seq)
                .query((rs, n) -> instant(rs.getTimestamp(1))).optional().orElse(null);
    }

    /** Records (or clears, with null) the step's outward call; only while the run's epoch holds. */
    boolean recordCall(Lease lease, int seq, Instant at) {
        return jdbc.sql("update operation_step set call_sent_at = :at where request_id = :r and seq = :seq" + HELD)
                .param("at", at == null ? null : Timestamp.from(at)).param("r", lease.requestId())
                .param("e", lease.epoch()).param("seq", seq).update() == 1;
    }

    /** The write pause the run's read-only window caused, as the executor measured it. */
    void recordPause(Lease lease, java.time.Duration pause, java.time.Duration untilEndpoints) {
        jdbc.sql("""
                        update migration_request set write_pause_ms = :p, write_pause_endpoints_ms = :e2
                        where id = :r and epoch = :e""")
                .param("p", WritePause.millis(pause)).param("e2", WritePause.millis(untilEndpoints))
                .param("r", lease.requestId()).param("e", lease.epoch()).update();
    }

    /**
     * Holds the lease for {@code by} from now (a heartbeat in the future), so no other node can take the
     * request over while a read-only window runs without asking PostgreSQL.
     */
    boolean extend(Lease lease, java.time.Duration by) {
        return claims.extend(JOBS, claimOf(lease), by);
    }

    /** Back to ordinary heartbeats after a read-only window held the lease ahead. */
    void endExtension(Lease lease) {
        claims.endExtension(JOBS, claimOf(lease));
    }

    /** Ends an execution; only the holder of the current epoch can, and only once. */
    boolean finish(Lease lease, RequestTransition t, String error, String stateLeft) {
        return jdbc.sql("""
                        update migration_request set state = :st, finished_at = now(), error = :err, state_left = :left,
                            safety_stop = :safety, version = version + 1
                        where id = :r and epoch = :e and executor_id = :me and state = 'EXECUTING'""")
                .param("st", t.to().name()).param("err", error).param("left", stateLeft)
                .param("safety", t == RequestTransition.SAFETY_STOP)
                .param("r", lease.requestId()).param("e", lease.epoch()).param("me", lease.executorId())
                .update() == 1;
    }

    /** Clusters whose last run ended in a safety stop that no later request has repaired. */
    List<String> safetyStopped() {
        return jdbc.sql("""
                        select r.cluster_id from migration_request r
                        where r.safety_stop and not exists (
                            select 1 from migration_request later
                            where later.cluster_id = r.cluster_id and later.id > r.id and later.state = 'SUCCEEDED')
                        order by r.cluster_id""")
                .query(String.class).list();
    }

    static MigrationRequest request(ResultSet rs, int n) throws SQLException {
        return new MigrationRequest(
                rs.getLong("id"),
                rs.getString("cluster_id"),
                MigrationAction.valueOf(rs.getString("action")),
                rs.getBoolean("swap_endpoints"),
                RequestState.valueOf(rs.getString("state")),
                rs.getString("requested_by"),
                instant(rs.getTimestamp("requested_at")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getString("error"),
                rs.getString("state_left"),
                rs.getLong("version"),
                rs.getString("reason"),
                rs.getBoolean("emergency"),
                instant(rs.getTimestamp("expires_at")),
                rs.getString("decided_by"),
                instant(rs.getTimestamp("decided_at")),
                rs.getString("decision_comment"),
                rs.getBoolean("continue_binlog"),
                rs.getLong("epoch"),
                rs.getBoolean("safety_stop"),
                rs.getString("executor_id"),
                (Integer) rs.getObject("write_pause_ms"),
                (Integer) rs.getObject("write_pause_endpoints_ms"),
                (Boolean) rs.getObject("endpoints_swapped_after"),
                instant(rs.getTimestamp("window_start")),
                instant(rs.getTimestamp("window_end")),
                rs.getBoolean("freeze_exception"));
    }

    private static StepRecord step(ResultSet rs, int n) throws SQLException {
        return new StepRecord(
                rs.getLong("request_id"),
                rs.getInt("seq"),
                rs.getString("step_key"),
                rs.getString("title"),
                StepRecord.StepState.valueOf(rs.getString("state")),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                rs.getString("note"),
                rs.getString("error"));
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
