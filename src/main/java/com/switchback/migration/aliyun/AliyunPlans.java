package com.switchback.migration.aliyun;

import com.switchback.migration.ActionOptions;
import com.switchback.migration.ActionRules;
import com.switchback.migration.CheckRegistry;
import com.switchback.migration.Fence;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.LiveStep;
import com.switchback.migration.MigrationStep;
import com.switchback.migration.ReadWriteMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The steps of an action on Alibaba Cloud: check, ask the service once, then follow the migration
 * until its transition ends. The service carries out the safety steps itself (read-only, catch-up,
 * read-write); Switchback adds the approval, the journal and the live view. A request whose answer
 * was lost is not sent again: the migration is read to see whether it started.
 */
final class AliyunPlans {

    private final AliyunBackend backend;
    private final AliyunProperties properties;

    AliyunPlans(AliyunBackend backend, AliyunProperties properties) {
        this.backend = backend;
        this.properties = properties;
    }

    List<MigrationStep> plan(String clusterId, MigrationAction action, ActionOptions options) {
        boolean swap = options.swapEndpoints();
        MigrationStatus passing = ActionRules.passesThrough(action);
        MigrationStatus target = switch (action) {
            case SWITCH_OVER -> MigrationStatus.POLARDB2RDS_SYNCING;
            case ROLL_BACK -> MigrationStatus.RDS2POLARDB_SYNCING;
            case CANCEL, COMPLETE -> MigrationStatus.NO_MIGRATION;
            case REPAIR -> throw new IllegalArgumentException(AliyunBackend.NO_REPAIR);
        };
        return List.of(
                precheck(clusterId, action, swap),
                new LiveStep("request", requestTitle(action, swap, options.continueBinlog()),
                        () -> shows(action, passing, target, backend.read(clusterId)),
                        fence -> ask(clusterId, action, options, passing, target, fence)),
                new LiveStep("wait", "Wait until Alibaba Cloud reports " + target.name()
                        + (action == MigrationAction.ROLL_BACK ? " (or Source RDS Read/Write, PolarDB Read Only)" : ""),
                        () -> ended(action, target, backend.read(clusterId)),
                        fence -> follow(clusterId, action, passing, target, fence)));
    }

    private static String requestTitle(MigrationAction action, boolean swap, boolean continueBinlog) {
        return switch (action) {
            case SWITCH_OVER -> "Ask Alibaba Cloud to switch over (ModifyDBClusterMigration, SwapConnectionString=" + swap + ")";
            case ROLL_BACK -> "Ask Alibaba Cloud to roll back (ModifyDBClusterMigration, SwapConnectionString=" + swap + ")";
            case CANCEL, COMPLETE -> "Ask Alibaba Cloud to close the migration (CloseDBClusterMigration, ContinueEnableBinlog="
                    + continueBinlog + ")";
            case REPAIR -> throw new IllegalArgumentException(AliyunBackend.NO_REPAIR);
        };
    }

    /** The one registry's checks for the action (status, latency, and the endpoint swap's preconditions), enforced. */
    private MigrationStep precheck(String clusterId, MigrationAction action, boolean swap) {
        AtomicBoolean passed = new AtomicBoolean();
        return new LiveStep("precheck", "Check that " + action.title() + " is allowed now", passed::get, fence -> {
            MigrationSnapshot s = backend.read(clusterId);
            String note = CheckRegistry.enforce(s, action, AliyunBackend.preChecks(s, action, swap));
            passed.set(true);
            return note;
        });
    }

    /** Whether the migration shows the action under way or done: the call took effect. */
    static boolean shows(MigrationAction action, MigrationStatus passing, MigrationStatus target, MigrationSnapshot s) {
        return passing.name().equals(s.status()) || ended(action, target, s);
    }

    /**
     * Sends the call once, then follows the migration until it shows the call took effect. The call is
     * put on record (committed, fenced) before it goes out; while a record younger than the grace
     * period exists, no attempt — this one, a retry, a resume, another node — sends it again: it
     * follows instead. Only after the grace period passes with the earlier status still showing is the
     * call judged not to have taken effect: the record is cleared and the step fails; a DBA who checked
     * the vendor's console makes a new request to send it once more.
     */
    private String ask(String clusterId, MigrationAction action, ActionOptions options, MigrationStatus passing,
                       MigrationStatus target, Fence fence) throws InterruptedException {
        String api = action == MigrationAction.SWITCH_OVER || action == MigrationAction.ROLL_BACK
                ? "ModifyDBClusterMigration" : "CloseDBClusterMigration";
        Instant sent = fence.callSentAt();
        String note;
        if (sent != null) {
            note = api + " was sent at " + sent + " by an earlier attempt; not sent again.";
        } else {
            Map<String, String> p = parameters(clusterId, action, options, backend.read(clusterId));
            fence.check();
            sent = Instant.now();
            fence.recordCall(sent);
            try {
                var answer = backend.change(clusterId, api, p);
                note = api + " accepted (request id " + MigrationReading.text(answer, "RequestId") + ").";
            } catch (AliyunApiException e) {
                if (!e.mayHaveReachedService()) {
                    fence.recordCall(null);
                    throw e;
                }
                // The answer was lost, not necessarily the request: follow it, never re-send.
                note = api + "'s answer was lost (" + e.getMessage() + "); following the migration. Not sent again.";
            }
        }
        return note + " " + awaitEffect(clusterId, action, passing, target, api, sent, fence);
    }

    private static Map<String, String> parameters(String clusterId, MigrationAction action, ActionOptions options,
                                                  MigrationSnapshot s) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("DBClusterId", clusterId);
        if (action == MigrationAction.SWITCH_OVER || action == MigrationAction.ROLL_BACK) {
            p.put("SourceRDSDBInstanceId", s.sourceRdsId());
            p.put("NewMasterInstanceId", action == MigrationAction.SWITCH_OVER ? clusterId : s.sourceRdsId());
            p.put("SwapConnectionString", String.valueOf(options.swapEndpoints()));
            // ConnectionStrings is not sent: the service then swaps every pair EndpointSwap checked.
        } else {
            p.put("ContinueEnableBinlog", String.valueOf(options.continueBinlog()));
        }
        return p;
    }

    /** Polls until the call's effect shows; within the grace period the earlier status is expected. */
    private String awaitEffect(String clusterId, MigrationAction action, MigrationStatus passing, MigrationStatus target,
                               String api, Instant sent, Fence fence) throws InterruptedException {
        Instant graceEnds = sent.plus(properties.acceptGrace());
        while (true) {
            fence.check();
            MigrationSnapshot s = null;
            try {
                s = backend.read(clusterId);
            } catch (AliyunApiException e) {
                if (!e.transientFailure()) {
                    throw e;
                }
            }
            if (s != null && shows(action, passing, target, s)) {
                return "Alibaba Cloud shows " + s.status() + " "
                        + Duration.between(sent, Instant.now()).toSeconds() + " s after the call.";
            }
            if (s != null && !ActionRules.check(s.status(), 0, action).allowed()) {
                throw new IllegalStateException("After " + api + " the migration went to " + s.status() + " instead of "
                        + passing.name() + (s.comment().isEmpty() ? "." : ": " + s.comment()));
            }
            if (Instant.now().isAfter(graceEnds)) {
                String seen = s == null ? "could not be read" : "still shows " + s.status();
                fence.recordCall(null);
                throw new IllegalStateException(api + " was sent at " + sent + ", but " + properties.acceptGrace().toMinutes()
                        + " minutes later the migration " + seen + ": the call has not taken effect. It was not sent "
                        + "again. Check the migration in the Alibaba Cloud console; if nothing is under way there, make a new "
                        + "request to send it once more.");
            }
            LockSupport.parkNanos(properties.activePoll().toNanos());
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /**
     * Whether the transition has ended. A rollback has once the migration passed through ROLLBACK and
     * the source RDS reads Read/Write with PolarDB Read Only, whichever sync direction the service then
     * reports (its user guide says data syncs from PolarDB back to RDS; its API returns to
     * RDS2POLARDB_SYNCING: see DD012).
     */
    static boolean ended(MigrationAction action, MigrationStatus target, MigrationSnapshot s) {
        if (target.name().equals(s.status())) {
            return true;
        }
        return action == MigrationAction.ROLL_BACK && MigrationStatus.POLARDB2RDS_SYNCING.name().equals(s.status())
                && s.rdsMode() == ReadWriteMode.rw && s.clusterMode() == ReadWriteMode.ro;
    }

    private String follow(String clusterId, MigrationAction action, MigrationStatus passing, MigrationStatus target,
                          Fence fence)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + properties.transitionTimeout().toNanos();
        while (true) {
            fence.check();
            MigrationSnapshot s;
            try {
                s = backend.read(clusterId);
            } catch (AliyunApiException e) {
                if (!e.transientFailure() || System.nanoTime() > deadline) {
                    throw e;
                }
                // Throttled or lost in transit: the migration goes on at Alibaba Cloud; look again shortly.
                LockSupport.parkNanos(properties.activePoll().toNanos());
                continue;
            }
            if (ended(action, target, s)) {
                String reported = target.name().equals(s.status()) ? "Reached " + target.name()
                        : "Rolled back: Alibaba Cloud reports " + s.status() + " with Source RDS Read/Write and PolarDB Read Only";
                return reported + " after " + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s.";
            }
            if (!passing.name().equals(s.status())) {
                throw new IllegalStateException("The migration went to " + s.status() + " instead of " + target.name()
                        + (s.comment().isEmpty() ? "." : ": " + s.comment()));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Still " + s.status() + " after " + properties.transitionTimeout().toMinutes()
                        + " minutes; Alibaba Cloud goes on with it. Retry from this step to keep following it.");
            }
            LockSupport.parkNanos(properties.activePoll().toNanos());
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
