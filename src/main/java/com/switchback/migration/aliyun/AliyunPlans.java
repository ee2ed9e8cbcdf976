package com.switchback.migration.aliyun;

import com.switchback.migration.ActionOptions;
import com.switchback.migration.ActionRules;
import com.switchback.migration.Fence;
import com.switchback.migration.MigrationAction;
import com.switchback.migration.MigrationSnapshot;
import com.switchback.migration.MigrationStatus;
import com.switchback.migration.LiveStep;
import com.switchback.migration.MigrationStep;
import com.switchback.migration.ReadWriteMode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        Set<String> startedOrDone = Set.of(passing.name(), target.name());
        return List.of(
                precheck(clusterId, action),
                new LiveStep("request", requestTitle(action, swap, options.continueBinlog()),
                        () -> startedOrDone.contains(backend.read(clusterId).status()),
                        fence -> ask(clusterId, action, options, startedOrDone, fence)),
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

    private MigrationStep precheck(String clusterId, MigrationAction action) {
        AtomicBoolean passed = new AtomicBoolean();
        return new LiveStep("precheck", "Check that " + action.title() + " is allowed now", passed::get, fence -> {
            MigrationSnapshot s = backend.read(clusterId);
            var decision = ActionRules.check(s.status(), s.delayedSeconds(), action);
            if (!decision.allowed()) {
                throw new IllegalStateException(decision.reason());
            }
            passed.set(true);
            return "Status " + s.status() + ", latency " + s.delayedSeconds() + " s.";
        });
    }

    private String ask(String clusterId, MigrationAction action, ActionOptions options, Set<String> startedOrDone,
                       Fence fence) {
        MigrationSnapshot s = backend.read(clusterId);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("DBClusterId", clusterId);
        String api;
        if (action == MigrationAction.SWITCH_OVER || action == MigrationAction.ROLL_BACK) {
            api = "ModifyDBClusterMigration";
            p.put("SourceRDSDBInstanceId", s.sourceRdsId());
            p.put("NewMasterInstanceId", action == MigrationAction.SWITCH_OVER ? clusterId : s.sourceRdsId());
            p.put("SwapConnectionString", String.valueOf(options.swapEndpoints()));
        } else {
            api = "CloseDBClusterMigration";
            p.put("ContinueEnableBinlog", String.valueOf(options.continueBinlog()));
        }
        try {
            fence.check();
            var answer = backend.change(clusterId, api, p);
            return api + " accepted (request id " + MigrationReading.text(answer, "RequestId") + ").";
        } catch (AliyunApiException e) {
            if (!e.mayHaveReachedService()) {
                throw e;
            }
            // The answer was lost, not necessarily the request: read, never re-send.
            String now = backend.read(clusterId).status();
            if (startedOrDone.contains(now)) {
                return api + "'s answer was lost, but the migration shows it started (" + now + "). Not sent again.";
            }
            throw new IllegalStateException(e.getMessage() + " The migration still shows " + now
                    + ", so the call did not take effect; it was not sent again. Make a new request when Alibaba Cloud answers.", e);
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
