package com.switchback.verification;

import com.switchback.base.jobs.JobClaims;
import com.switchback.migration.DataCheck;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Verifications, their tables and differences in PostgreSQL: the journal a run resumes from. */
@Repository
class VerificationRepository {

    /** Verifications as jobs of the one claim-and-fence mechanism. */
    static final JobClaims.Kind JOBS = new JobClaims.Kind("verification", "state = 'QUEUED'", "RUNNING",
            "started_at = coalesce(j.started_at, now())");

    private final JdbcClient jdbc;
    private final JobClaims claims;

    VerificationRepository(JdbcClient jdbc, JobClaims claims) {
        this.jdbc = jdbc;
        this.claims = claims;
    }

    long insert(String clusterId, String requestedBy) {
        return jdbc.sql("""
                        insert into verification (cluster_id, requested_by, state) values (:c, :by, 'QUEUED')
                        returning id""")
                .param("c", clusterId).param("by", requestedBy).query(Long.class).single();
    }

    /** The backend a cluster is managed by, or empty for no such cluster. */
    Optional<String> backendOf(String clusterId) {
        return jdbc.sql("select backend from cluster where id = :c").param("c", clusterId).query(String.class).optional();
    }

    Optional<Verification> find(long id) {
        return jdbc.sql("select * from verification where id = :id").param("id", id)
                .query(VerificationRepository::verification).optional();
    }

    Optional<Verification> latest(String clusterId) {
        return jdbc.sql("select * from verification where cluster_id = :c order by id desc limit 1")
                .param("c", clusterId).query(VerificationRepository::verification).optional();
    }

    /** The newest finished run (its outcome counts for freshness), if any. */
    Optional<Verification> latestDone(String clusterId) {
        return jdbc.sql("select * from verification where cluster_id = :c and state = 'DONE' order by id desc limit 1")
                .param("c", clusterId).query(VerificationRepository::verification).optional();
    }

    /** Each cluster's newest finished run, where it is clean and finished before {@code before} (gone stale). */
    List<Verification> staleClean(java.time.Instant before) {
        return jdbc.sql("""
                        select * from (select distinct on (cluster_id) * from verification where state = 'DONE'
                                       order by cluster_id, id desc) latest
                        where finished_at < :before""")
                .param("before", java.sql.Timestamp.from(before))
                .query(VerificationRepository::verification).list().stream().filter(Verification::clean).toList();
    }

    Optional<Verification> open(String clusterId) {
        return jdbc.sql("select * from verification where cluster_id = :c and state in ('QUEUED', 'RUNNING')")
                .param("c", clusterId).query(VerificationRepository::verification).optional();
    }

    List<Verification.Table> tables(long id) {
        return jdbc.sql("select * from verification_table where verification_id = :id order by ordinal")
                .param("id", id).query(VerificationRepository::table).list();
    }

    List<Verification.Difference> differences(long id, int limit) {
        return jdbc.sql("""
                        select t.schema_name || '.' || t.table_name, d.key_values, d.kind from verification_difference d
                        join verification_table t on t.verification_id = d.verification_id and t.ordinal = d.ordinal
                        where d.verification_id = :id order by d.id limit :limit""")
                .param("id", id).param("limit", limit)
                .query((rs, n) -> new Verification.Difference(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Every difference of a run, oldest first, without holding them all in memory. */
    void eachDifference(long id, Consumer<Verification.Difference> each) {
        long after = 0;
        while (true) {
            var page = jdbc.sql("""
                            select d.id, t.schema_name || '.' || t.table_name, d.key_values, d.kind from verification_difference d
                            join verification_table t on t.verification_id = d.verification_id and t.ordinal = d.ordinal
                            where d.verification_id = :id and d.id > :after order by d.id limit 1000""")
                    .param("id", id).param("after", after)
                    .query((rs, n) -> new Object[] {rs.getLong(1),
                            new Verification.Difference(rs.getString(2), rs.getString(3), rs.getString(4))}).list();
            if (page.isEmpty()) {
                return;
            }
            page.forEach(row -> each.accept((Verification.Difference) row[1]));
            after = (Long) page.getLast()[0];
        }
    }

    void requestCancel(long id) {
        jdbc.sql("update verification set cancel_requested = true where id = :id and state in ('QUEUED', 'RUNNING')")
                .param("id", id).update();
    }

    /** A queued run cancelled before any node took it. */
    boolean cancelQueued(long id) {
        return jdbc.sql("""
                        update verification set state = 'CANCELLED', finished_at = now()
                        where id = :id and state = 'QUEUED'""").param("id", id).update() == 1;
    }

    boolean cancelRequested(long id) {
        return jdbc.sql("select cancel_requested from verification where id = :id").param("id", id)
                .query(Boolean.class).single();
    }

    // --- writes of a run: each names its claim, and changes nothing once another node holds the run ---

    /** The tables to compare, once per run (a resumed run keeps its list and its resume points). */
    boolean plan(JobClaims.Claim claim, List<DataCheck.TablePlan> tables) {
        if (!claims.holds(JOBS, claim)) {
            return false;
        }
        boolean planned = jdbc.sql("select count(*) from verification_table where verification_id = :id")
                .param("id", claim.jobId()).query(Integer.class).single() > 0;
        if (planned) {
            return true;
        }
        int ordinal = 0;
        long estimated = 0;
        int notCheckable = 0;
        for (var t : tables) {
            jdbc.sql("""
                            insert into verification_table (verification_id, ordinal, schema_name, table_name, key_columns,
                                not_checkable, missing_on, rows_estimated, done)
                            values (:id, :o, :s, :t, :k, :nc, :m, :est, :done)""")
                    .param("id", claim.jobId()).param("o", ordinal++).param("s", t.schema()).param("t", t.table())
                    .param("k", String.join(", ", t.key())).param("nc", t.notCheckable())
                    .param("m", t.missingOn() == null ? null : t.missingOn().name()).param("est", t.rowsEstimated())
                    .param("done", !t.checkable()).update();
            estimated += t.checkable() ? t.rowsEstimated() : 0;
            notCheckable += t.checkable() ? 0 : 1;
        }
        jdbc.sql("update verification set rows_estimated = :e, not_checkable = :nc where id = :id")
                .param("e", estimated).param("nc", notCheckable).param("id", claim.jobId()).update();
        return true;
    }

    /** A compared chunk: the table's counts and resume point, its differences, the run's progress. */
    boolean chunk(JobClaims.Claim claim, int ordinal, DataCheck.Chunk c, String nextAfter, long millis) {
        if (!claims.holds(JOBS, claim)) {
            return false;
        }
        long missingRds = c.differences().stream().filter(d -> d.kind() == DataCheck.Kind.MISSING_ON_RDS).count();
        long missingPolardb = c.differences().stream().filter(d -> d.kind() == DataCheck.Kind.MISSING_ON_POLARDB).count();
        long different = c.differences().size() - missingRds - missingPolardb;
        jdbc.sql("""
                        update verification_table set rows_compared = rows_compared + :rows, chunks = chunks + 1,
                            matching = matching + :match, missing_on_rds = missing_on_rds + :mr,
                            missing_on_polardb = missing_on_polardb + :mp, different = different + :diff,
                            next_after = :next, done = :done, millis = millis + :ms
                        where verification_id = :id and ordinal = :o""")
                .param("rows", c.rows()).param("match", c.matching()).param("mr", missingRds).param("mp", missingPolardb)
                .param("diff", different).param("next", nextAfter).param("done", c.last() == null)
                .param("ms", millis).param("id", claim.jobId()).param("o", ordinal).update();
        for (var d : c.differences()) {
            jdbc.sql("insert into verification_difference (verification_id, ordinal, key_values, kind) values (:id, :o, :k, :kind)")
                    .param("id", claim.jobId()).param("o", ordinal).param("k", Keys.json(d.key()))
                    .param("kind", d.kind().name()).update();
        }
        jdbc.sql("""
                        update verification set rows_done = rows_done + :rows, chunks_done = chunks_done + 1,
                            differences = differences + :d, heartbeat_at = greatest(heartbeat_at, now())
                        where id = :id""")
                .param("rows", c.rows()).param("d", c.differences().size()).param("id", claim.jobId()).update();
        return true;
    }

    boolean finish(JobClaims.Claim claim, Verification.State state, String error) {
        return jdbc.sql("""
                        update verification set state = :st, finished_at = now(), error = :err
                        where id = :id and epoch = :e and executor_id = :me and state = 'RUNNING'""")
                .param("st", state.name()).param("err", error).param("id", claim.jobId()).param("e", claim.epoch())
                .param("me", claim.executorId()).update() == 1;
    }

    private static Verification verification(ResultSet rs, int n) throws SQLException {
        return new Verification(rs.getLong("id"), rs.getString("cluster_id"), rs.getString("requested_by"),
                instant(rs.getTimestamp("requested_at")), Verification.State.valueOf(rs.getString("state")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
                rs.getBoolean("cancel_requested"), rs.getLong("rows_estimated"), rs.getLong("rows_done"),
                rs.getLong("chunks_done"), rs.getLong("differences"), rs.getInt("not_checkable"), rs.getString("error"));
    }

    private static Verification.Table table(ResultSet rs, int n) throws SQLException {
        return new Verification.Table(rs.getInt("ordinal"), rs.getString("schema_name"), rs.getString("table_name"),
                rs.getString("key_columns"), rs.getString("not_checkable"), rs.getString("missing_on"),
                rs.getLong("rows_estimated"), rs.getLong("rows_compared"), rs.getLong("chunks"), rs.getLong("matching"),
                rs.getLong("missing_on_rds"), rs.getLong("missing_on_polardb"), rs.getLong("different"),
                rs.getBoolean("done"), rs.getLong("millis"));
    }

    /** An unfinished table of a run: its place, its name, and the key after which its next chunk starts (null: the start). */
    record ResumePoint(int ordinal, String table, List<String> after) {
    }

    List<ResumePoint> resumePoints(long id) {
        return jdbc.sql("""
                        select ordinal, schema_name || '.' || table_name, next_after from verification_table
                        where verification_id = :id and not done order by ordinal""")
                .param("id", id)
                .query((rs, n) -> new ResumePoint(rs.getInt(1), rs.getString(2), Keys.parse(rs.getString(3)))).list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
