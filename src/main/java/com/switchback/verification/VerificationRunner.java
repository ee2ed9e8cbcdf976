package com.switchback.verification;

import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import com.switchback.base.jobs.JobClaims;
import com.switchback.notification.Event;
import com.switchback.notification.EventMessage;
import com.switchback.notification.Notifier;
import com.switchback.migration.DataCheck;
import com.switchback.migration.MigrationBackends;
import com.switchback.migration.MigrationEvents;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs verifications in the background, on any node: claims one through the one claim-and-fence
 * mechanism, compares chunk by chunk, and journals each finished chunk (counts, differences, where
 * the next starts) in the run's epoch. A restart, or another node once the heartbeat is stale,
 * continues from the last finished chunk. Throttled (rows per second), paused while the replica
 * lags, and stopped at the next chunk when cancelled.
 */
@Component
public class VerificationRunner {

    private static final Logger log = LoggerFactory.getLogger(VerificationRunner.class);

    private final String id = "verifier-" + UUID.randomUUID().toString().substring(0, 8);
    private final VerificationRepository repository;
    private final MigrationBackends backends;
    private final MigrationEvents events;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final JobClaims claims;
    private final VerificationProperties properties;
    private final Map<Long, JobClaims.Claim> running = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopping;

    private final Notifier notifier;

    VerificationRunner(VerificationRepository repository, MigrationBackends backends,
                       MigrationEvents events, AuditLog audit,
                       TransactionTemplate tx, VerificationProperties properties, JobClaims claims,
                       Notifier notifier) {
        this.claims = claims;
        this.notifier = notifier;
        this.repository = repository;
        this.backends = backends;
        this.events = events;
        this.audit = audit;
        this.tx = tx;
        this.properties = properties;
    }

    /** Claims waiting (or abandoned) verifications and runs each on a thread of its own. */
    @Scheduled(fixedDelayString = "${switchback.verification.poll:PT2S}")
    public void claimAndStart() {
        JobClaims.Claim claim;
        while (!stopping && (claim = claimNext()) != null) {
            JobClaims.Claim c = claim;
            running.put(c.jobId(), c);
            threads.submit(() -> {
                try {
                    run(c);
                } finally {
                    running.remove(c.jobId(), c);
                }
            });
        }
    }

    /** Claims one and runs it on this thread (tests drive it this way); false when none was waiting. */
    public boolean runNext() {
        return runNext(Integer.MAX_VALUE);
    }

    /**
     * As {@link #runNext()}, but this node stops after {@code chunks} chunks, as a crash or a shutdown
     * would stop it: the run stays claimed, and resumes from its journal once its heartbeat is stale.
     */
    public boolean runNext(int chunks) {
        JobClaims.Claim claim = claimNext();
        if (claim == null) {
            return false;
        }
        running.put(claim.jobId(), claim);
        try {
            run(claim, chunks);
        } finally {
            running.remove(claim.jobId(), claim);
        }
        return true;
    }

    private JobClaims.Claim claimNext() {
        return tx.execute(s -> claims.claim(VerificationRepository.JOBS, id, properties.staleAfter(),
                Set.copyOf(running.keySet())).map(c -> {
                    Verification v = repository.find(c.jobId()).orElseThrow();
                    audit.record(Actor.SYSTEM, c.takeover() ? "verification.taken-over" : "verification.started",
                            v.clusterId(), null, Outcome.SUCCESS, false, (c.takeover() ? "Taken over by " + id + " from "
                                    + c.previousExecutor() : "Started by " + id) + " (run epoch " + c.epoch() + ").");
                    return c;
                }).orElse(null));
    }

    /** What one run carries from chunk to chunk: its claim, the size learned so far, when pages last heard of it. */
    private final class Run {
        final JobClaims.Claim claim;
        final Verification started;
        /** Chunks this node may still compare before it stops (a drill of a crash); unlimited otherwise. */
        int chunksLeft;
        int chunkRows = properties.chunkRows();
        long publishedAt;

        Run(JobClaims.Claim claim, Verification started, int chunksLeft) {
            this.claim = claim;
            this.started = started;
            this.chunksLeft = chunksLeft;
        }

        String cluster() {
            return started.clusterId();
        }

        /** Open pages follow the run, at most twice a second: a page re-reads its cluster on every announcement. */
        void progressed() {
            long now = System.nanoTime();
            if (now - publishedAt >= PROGRESS_EVERY_NANOS) {
                publishedAt = now;
                events.publish(cluster());
            }
        }
    }

    private static final long PROGRESS_EVERY_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500);

    /** Runs a claimed verification to its end, or until it is cancelled, fenced or this node stops. */
    void run(JobClaims.Claim claim) {
        run(claim, Integer.MAX_VALUE);
    }

    private void run(JobClaims.Claim claim, int chunks) {
        Run run = new Run(claim, repository.find(claim.jobId()).orElseThrow(), chunks);
        try (DataCheck check = backends.get(repository.backendOf(run.cluster()).orElseThrow()).dataCheck(run.cluster())) {
            List<DataCheck.TablePlan> tables = check.tables();
            if (!inTransaction(() -> repository.plan(claim, tables))) {
                return;
            }
            events.publish(run.cluster());
            for (VerificationRepository.ResumePoint point : repository.resumePoints(claim.jobId())) {
                DataCheck.TablePlan table = tables.stream().filter(t -> t.name().equals(point.table())).findFirst()
                        .orElseThrow(() -> new IllegalStateException("Table " + point.table() + " of the run is gone "
                                + "from the servers."));
                if (!compareTable(run, check, point.ordinal(), table, point.after())) {
                    return;
                }
            }
            end(run, Verification.State.DONE, null);
        } catch (Fenced e) {
            log.info("Verification #{} is held by another node now; this one stops.", claim.jobId());
        } catch (Stopped e) {
            log.info("Verification #{} stops here; it resumes from its last chunk.", claim.jobId());
        } catch (RuntimeException e) {
            log.warn("Verification #{} failed: {}", claim.jobId(), e.getMessage());
            end(run, Verification.State.FAILED, e.getMessage());
        }
    }

    /** One table, chunk by chunk from {@code after}; false when the run was cancelled (and ended). */
    private boolean compareTable(Run run, DataCheck check, int ordinal, DataCheck.TablePlan table, List<String> after) {
        List<String> from = after;
        while (true) {
            if (stopping || run.chunksLeft-- <= 0) {
                throw new Stopped();
            }
            if (repository.cancelRequested(run.claim.jobId())) {
                end(run, Verification.State.CANCELLED, null);
                return false;
            }
            waitWhileLagging(check, run.claim);
            long start = System.nanoTime();
            DataCheck.Chunk chunk = check.compare(table, from, run.chunkRows);
            long millis = (System.nanoTime() - start) / 1_000_000;
            run.chunkRows = nextChunkRows(run.chunkRows, chunk.rows(), millis);
            String next = chunk.last() == null ? null : Keys.json(chunk.last());
            if (!inTransaction(() -> repository.chunk(run.claim, ordinal, chunk, next, millis))) {
                throw new Fenced();
            }
            run.progressed();
            throttle(chunk.rows(), millis);
            if (chunk.last() == null) {
                return true;
            }
            from = chunk.last();
        }
    }

    /**
     * The next chunk's size: towards {@code chunk-time} per chunk (fewer round trips on fast servers,
     * shorter chunks on busy ones), halfway at a time; fixed when chunk-time is zero.
     */
    private int nextChunkRows(int rows, long compared, long millis) {
        long target = properties.chunkTime().toMillis();
        if (target <= 0 || compared <= 0 || millis <= 0) {
            return rows;
        }
        long ideal = compared * target / millis;
        return (int) Math.clamp((rows + ideal) / 2, 1_000L, 1_000_000L);
    }

    /** Keeps to the rows-per-second limit: sleeps what the chunk was faster than the limit allows. */
    private void throttle(long rows, long tookMillis) {
        if (properties.maxRowsPerSecond() <= 0 || rows == 0) {
            return;
        }
        long allowedMillis = rows * 1000 / properties.maxRowsPerSecond();
        sleep(Math.max(0, allowedMillis - tookMillis));
    }

    private void waitWhileLagging(DataCheck check, JobClaims.Claim claim) {
        long lag;
        while ((lag = check.lagSeconds()) > properties.maxLag().toSeconds()) {
            log.info("Verification #{} waits: the replica is {} s behind.", claim.jobId(), lag);
            if (!inTransaction(() -> claims.touch(VerificationRepository.JOBS, claim))) {
                throw new Fenced();
            }
            sleep(1000);
            if (stopping) {
                throw new Stopped();
            }
        }
    }

    private void end(Run run, Verification.State state, String error) {
        boolean ended = Boolean.TRUE.equals(tx.execute(s -> {
            if (!repository.finish(run.claim, state, error)) {
                return false;
            }
            Verification v = repository.find(run.claim.jobId()).orElseThrow();
            String outcome = switch (state) {
                case DONE -> v.clean() ? "clean" : v.differences() + " differing rows"
                        + (v.notCheckable() > 0 ? ", " + v.notCheckable() + " tables not checkable" : "");
                case CANCELLED -> "cancelled";
                default -> "failed: " + error;
            };
            String details = "Verification #" + v.id() + " " + outcome + ": " + v.rowsDone() + " rows in "
                    + v.chunksDone() + " chunks.";
            audit.record(Actor.SYSTEM, "verification." + state.name().toLowerCase(), v.clusterId(), null,
                    state == Verification.State.DONE && v.clean() ? Outcome.SUCCESS : Outcome.FAILURE, false, details);
            if (state == Verification.State.DONE && !v.clean()) {
                notifier.emit(new EventMessage(Event.VERIFICATION_DIFFERENCES, v.clusterId(), null,
                        "Verification of " + v.clusterId() + " found differences", details + " Resolve them before "
                        + "switching.", "clusters/" + v.clusterId(), "verification " + v.id()), v.requestedBy());
            }
            return true;
        }));
        if (ended) {
            events.publish(run.cluster());
        }
    }

    /** A fenced write (it checks the claim itself) in a transaction of its own: false when the claim is lost. */
    private boolean inTransaction(java.util.function.BooleanSupplier write) {
        return Boolean.TRUE.equals(tx.execute(s -> write.getAsBoolean()));
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
    }

    /** The run lost its claim: another node continues it. */
    private static final class Fenced extends RuntimeException {
    }

    /** This node stops: the run resumes from its journal. */
    private static final class Stopped extends RuntimeException {
    }

    @PreDestroy
    void stop() {
        stopping = true;
        threads.shutdown();
    }
}
