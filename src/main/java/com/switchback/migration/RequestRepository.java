package com.switchback.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests and their step journal. Every state change checks the expected state (and owner). */
@Repository
class RequestRepository {

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String clusterId, MigrationAction action, ActionOptions options, RequestState state, String requestedBy,
                String reason, boolean emergency, Duration validFor) {
        return jdbc.sql("""
                        insert into migration_request (cluster_id, action, swap_endpoints, continue_binlog, state,
                            requested_by, reason, emergency, expires_at)
                        values (:c, :a, :s, :binlog, :st, :by, :reason, :emergency, now() + make_interval(secs => :valid))
                        returning id""")
                .param("c", clusterId).param("a", action.name()).param("s", options.swapEndpoints())
                .param("binlog", options.continueBinlog())
                .param("st", state.name()).param("by", requestedBy).param("reason", reason)
                .param("emergency", emergency).param("valid", validFor.toMillis() / 1000.0)
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

    boolean withdraw(long id, long version, RequestState from, String by) {
        return jdbc.sql("""
                        update migration_request set state = 'WITHDRAWN', decided_by = :by, decided_at = now(),
                            decision_comment = 'Withdrawn by the requester', finished_at = now(), version = version + 1
                        where id = :id and state = :from and version = :version""")
                .param("by", by).param("id", id).param("from", from.name()).param("version", version)
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
                        where id = :id and state = 'FAILED' and version = :version""")
                .param("id", id).param("version", version).param("valid", validFor.toSeconds()).update();
        if (updated == 1) {
            jdbc.sql("""
                            update operation_step set state = 'PENDING', error = null, started_at = null, finished_at = null
                            where request_id = :id and state in ('FAILED', 'RUNNING')""")
                    .param("id", id).update();
        }
        return updated == 1;
    }

    Optional<MigrationRequest> openFor(String clusterId) {
        return jdbc.sql("select * from migration_request where cluster_id = :c and state in ('PENDING','APPROVED','EXECUTING')")
                .param("c", clusterId).query(RequestRepository::request).optional();
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

    /**
     * Claims the oldest request that is ready, or whose executor stopped sending heartbeats.
     * SKIP LOCKED and the state check make two executors never claim the same request.
     */
    Optional<Long> claim(String executorId, Duration staleAfter) {
        return jdbc.sql("""
                        update migration_request set state = 'EXECUTING', executor_id = :me, heartbeat_at = now(),
                            started_at = coalesce(started_at, now()), version = version + 1
                        where id = (select id from migration_request
                                    where (state = 'APPROVED' and expires_at > now())
                                       or (state = 'EXECUTING' and heartbeat_at < now() - make_interval(secs => :stale))
                                    order by id limit 1 for update skip locked)
                        returning id""")
                .param("me", executorId).param("stale", staleAfter.toMillis() / 1000.0)
                .query(Long.class).optional();
    }

    /** Heartbeat; false when another executor has taken the request over (we must stop). */
    boolean touch(long requestId, String executorId) {
        return jdbc.sql("""
                        update migration_request set heartbeat_at = now()
                        where id = :r and executor_id = :me and state = 'EXECUTING'""")
                .param("r", requestId).param("me", executorId).update() == 1;
    }

    void stepRunning(long requestId, int seq) {
        jdbc.sql("""
                        update operation_step set state = 'RUNNING', started_at = coalesce(started_at, now()), error = null
                        where request_id = :r and seq = :seq and state in ('PENDING','RUNNING')""")
                .param("r", requestId).param("seq", seq).update();
    }

    void stepDone(long requestId, int seq, String note) {
        jdbc.sql("""
                        update operation_step set state = 'DONE', finished_at = now(), note = :note
                        where request_id = :r and seq = :seq""")
                .param("r", requestId).param("seq", seq).param("note", note == null ? "" : note).update();
    }

    void stepFailed(long requestId, int seq, String error) {
        jdbc.sql("""
                        update operation_step set state = 'FAILED', finished_at = now(), error = :e
                        where request_id = :r and seq = :seq""")
                .param("r", requestId).param("seq", seq).param("e", error).update();
    }

    /** Ends an execution; only the owning executor can, and only once. */
    boolean finish(long requestId, String executorId, RequestState outcome, String error, String stateLeft) {
        return jdbc.sql("""
                        update migration_request set state = :st, finished_at = now(), error = :e, state_left = :left,
                            version = version + 1
                        where id = :r and executor_id = :me and state = 'EXECUTING'""")
                .param("st", outcome.name()).param("e", error).param("left", stateLeft)
                .param("r", requestId).param("me", executorId).update() == 1;
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
                rs.getBoolean("continue_binlog"));
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

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
