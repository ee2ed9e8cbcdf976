package com.switchback.notification;

import com.switchback.base.jobs.JobClaims;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox as jobs of the one claim-and-fence mechanism ({@link JobClaims}): a message is ready once
 * its next attempt is due; a sender claims it with a new epoch, and its result counts only while it
 * still holds the claim. Every attempt goes into the delivery log.
 */
@Repository
class Outbox {

    static final JobClaims.Kind JOBS = new JobClaims.Kind("notification_outbox",
            "state = 'PENDING' and next_attempt_at <= now()", "SENDING", "attempts = j.attempts + 1");

    private final JdbcClient jdbc;
    private final JobClaims claims;

    Outbox(JdbcClient jdbc, JobClaims claims) {
        this.jdbc = jdbc;
        this.claims = claims;
    }

    Optional<JobClaims.Claim> claim(String executorId, Duration staleAfter, Set<Long> runningHere) {
        return claims.claim(JOBS, executorId, staleAfter, runningHere);
    }

    Optional<OutboxMessage> find(long id) {
        return jdbc.sql(SELECT + " where o.id = :id").param("id", id).query(Outbox::message).optional();
    }

    /**
     * The attempt's result, if the claim still holds (else nothing is written: another sender has it):
     * sent, or back to pending at {@code retryAt}, or dead when {@code retryAt} is null.
     */
    boolean finish(JobClaims.Claim claim, int attempt, String error, long millis, Instant retryAt) {
        if (!claims.holds(JOBS, claim)) {
            return false;
        }
        String state = error == null ? "SENT" : retryAt == null ? "DEAD" : "PENDING";
        jdbc.sql("""
                        update notification_outbox set state = :state, last_error = :error,
                            sent_at = case when :sent then now() else sent_at end,
                            next_attempt_at = coalesce(cast(:retry as timestamptz), next_attempt_at)
                        where id = :id and epoch = :epoch""")
                .param("state", state).param("error", error).param("sent", error == null)
                .param("retry", retryAt == null ? null : Timestamp.from(retryAt))
                .param("id", claim.jobId()).param("epoch", claim.epoch()).update();
        jdbc.sql("""
                        insert into notification_attempt (outbox_id, attempt, executor_id, ok, detail, duration_ms)
                        values (:id, :attempt, :executor, :ok, :detail, :ms)""")
                .param("id", claim.jobId()).param("attempt", attempt).param("executor", claim.executorId())
                .param("ok", error == null).param("detail", error == null ? "Delivered" : error)
                .param("ms", (int) Math.min(Integer.MAX_VALUE, millis)).update();
        return true;
    }

    /** Back to pending, at once: an administrator asks for a dead message to be tried again. */
    boolean requeue(long id) {
        return jdbc.sql("""
                        update notification_outbox set state = 'PENDING', next_attempt_at = now(), attempts = 0
                        where id = :id and state = 'DEAD'""").param("id", id).update() == 1;
    }

    /** The latest messages, newest first: the delivery log. */
    List<OutboxMessage> recent(int limit) {
        return jdbc.sql(SELECT + " order by o.id desc limit :limit").param("limit", limit)
                .query(Outbox::message).list();
    }

    /** The attempts to deliver one message, in order. */
    List<DeliveryAttempt> attempts(long outboxId) {
        return jdbc.sql("""
                        select attempt, executor_id, at, ok, detail, duration_ms from notification_attempt
                        where outbox_id = :id order by id""")
                .param("id", outboxId)
                .query((rs, n) -> new DeliveryAttempt(rs.getInt(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getBoolean(4), rs.getString(5), rs.getInt(6)))
                .list();
    }

    private static final String SELECT = """
            select o.*, c.name as channel_name from notification_outbox o
            join notification_channel c on c.id = o.channel_id""";

    private static OutboxMessage message(ResultSet rs, int n) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboxMessage(rs.getLong("id"), rs.getLong("channel_id"), rs.getString("idempotency_key"),
                rs.getString("event"), rs.getString("cluster_id"), (Long) rs.getObject("request_id"),
                rs.getString("title"), rs.getString("text"), rs.getString("link"), rs.getString("state"),
                rs.getInt("attempts"), rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant(), rs.getString("last_error"), rs.getString("channel_name"));
    }
}
