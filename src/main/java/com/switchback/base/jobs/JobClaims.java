package com.switchback.base.jobs;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one claim-and-fence mechanism of every background job (a migration request, a data
 * verification): a row claimed with {@code FOR UPDATE SKIP LOCKED} and a new fencing epoch, kept by
 * heartbeats, taken over once its heartbeat is stale, and fenced: every write of a run names its
 * epoch, so a run that lost its claim changes nothing (docs/architecture.md §4).
 *
 * <p>A job table has {@code id}, {@code state}, {@code executor_id}, {@code heartbeat_at} and
 * {@code epoch}; {@link Kind} says which rows are ready and what a claim sets besides.
 */
@org.springframework.stereotype.Component
public final class JobClaims {

    /**
     * One kind of job: its table, the condition that makes a row ready to claim, the state of a
     * running row, and what else a claim sets (SQL written by the caller, never from input).
     */
    public record Kind(String table, String ready, String running, String alsoSet) {
    }

    /** A claim: the job, who holds it, its fencing epoch, and whom it was taken from (a takeover). */
    public record Claim(long jobId, String executorId, long epoch, String previousExecutor) {

        public boolean takeover() {
            return previousExecutor != null;
        }
    }

    private final JdbcClient jdbc;

    public JobClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the oldest ready job, or one whose executor stopped sending heartbeats, with a new epoch.
     * SKIP LOCKED and the state check keep two executors from claiming the same job; an executor
     * never takes over a run it still has going ({@code runningHere}).
     */
    public Optional<Claim> claim(Kind kind, String executorId, Duration staleAfter, Set<Long> runningHere) {
        // The ids are numbers of our own: written into the statement, they cannot carry anything else.
        String running = runningHere.stream().map(String::valueOf).collect(Collectors.joining(","));
        return jdbc.sql("""
                        with candidate as (
                            select id, state as old_state, executor_id as old_executor from %1$s
                            where ((%2$s)
                               or (state = '%3$s' and heartbeat_at < now() - make_interval(secs => :stale)))
                              and not (id = any('{%4$s}'::bigint[]))
                            order by id limit 1 for update skip locked)
                        update %1$s j set state = '%3$s', executor_id = :me, heartbeat_at = now(), epoch = j.epoch + 1%5$s
                        from candidate where j.id = candidate.id
                        returning j.id, j.epoch, candidate.old_state, candidate.old_executor"""
                        .formatted(kind.table(), kind.ready(), kind.running(), running,
                                kind.alsoSet().isEmpty() ? "" : ", " + kind.alsoSet()))
                .param("me", executorId).param("stale", staleAfter.toMillis() / 1000.0)
                .query((rs, n) -> new Claim(rs.getLong(1), executorId, rs.getLong(2),
                        kind.running().equals(rs.getString(3)) ? rs.getString(4) : null))
                .optional();
    }

    /** Heartbeat and fence check in one: false once another executor holds the job (the run must stop). */
    public boolean touch(Kind kind, Claim claim) {
        return jdbc.sql("update %s set heartbeat_at = greatest(heartbeat_at, now())".formatted(kind.table())
                        + where(kind))
                .param("id", claim.jobId()).param("e", claim.epoch()).param("me", claim.executorId())
                .update() == 1;
    }

    /**
     * Inside a transaction: whether the claim still holds, keeping the row share-locked until commit,
     * so a takeover waits for this transaction instead of racing it.
     */
    public boolean holds(Kind kind, Claim claim) {
        return jdbc.sql("select 1 from %s".formatted(kind.table()) + where(kind) + " for share")
                .param("id", claim.jobId()).param("e", claim.epoch()).param("me", claim.executorId())
                .query(Integer.class).optional().isPresent();
    }

    /** Holds the claim for {@code by} from now (a heartbeat in the future): no takeover meanwhile. */
    public boolean extend(Kind kind, Claim claim, Duration by) {
        return jdbc.sql("update %s set heartbeat_at = now() + make_interval(secs => :s)".formatted(kind.table())
                        + where(kind))
                .param("s", by.toMillis() / 1000.0).param("id", claim.jobId()).param("e", claim.epoch())
                .param("me", claim.executorId()).update() == 1;
    }

    /** Back to ordinary heartbeats after {@link #extend}. */
    public void endExtension(Kind kind, Claim claim) {
        jdbc.sql("update %s set heartbeat_at = now()".formatted(kind.table()) + where(kind))
                .param("id", claim.jobId()).param("e", claim.epoch()).param("me", claim.executorId()).update();
    }

    /** The condition under which a run's write counts: its job, its epoch, its executor, still running. */
    private static String where(Kind kind) {
        return " where id = :id and epoch = :e and executor_id = :me and state = '%s'".formatted(kind.running());
    }
}
