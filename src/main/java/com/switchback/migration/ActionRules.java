package com.switchback.migration;

import static com.switchback.migration.MigrationAction.CANCEL;
import static com.switchback.migration.MigrationAction.COMPLETE;
import static com.switchback.migration.MigrationAction.REPAIR;
import static com.switchback.migration.MigrationAction.ROLL_BACK;
import static com.switchback.migration.MigrationAction.SWITCH_OVER;
import static com.switchback.migration.MigrationStatus.POLARDB2RDS_SYNCING;
import static com.switchback.migration.MigrationStatus.RDS2POLARDB_CLONING;
import static com.switchback.migration.MigrationStatus.RDS2POLARDB_SYNCING;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The state machine of a migration, in one place: which action each status allows. Views ask
 * it whether a button is enabled and services ask it again before anything runs.
 */
public final class ActionRules {

    /** Switch Over needs the destination this close behind the source. */
    public static final int MAX_SWITCH_OVER_LATENCY_SECONDS = 60;

    private static final Map<MigrationAction, Set<MigrationStatus>> ALLOWED = new EnumMap<>(Map.of(
            SWITCH_OVER, EnumSet.of(RDS2POLARDB_SYNCING),
            ROLL_BACK, EnumSet.of(POLARDB2RDS_SYNCING),
            CANCEL, EnumSet.of(RDS2POLARDB_CLONING, RDS2POLARDB_SYNCING),
            COMPLETE, EnumSet.of(POLARDB2RDS_SYNCING),
            REPAIR, EnumSet.of(MigrationStatus.SWITCHING, MigrationStatus.ROLLBACK)));

    private ActionRules() {
    }

    /** The status a migration shows while {@code action} is under way (docs/architecture.md §1, "passes through"). */
    public static MigrationStatus passesThrough(MigrationAction action) {
        return switch (action) {
            case SWITCH_OVER -> MigrationStatus.SWITCHING;
            case ROLL_BACK -> MigrationStatus.ROLLBACK;
            case CANCEL, COMPLETE -> MigrationStatus.CLOSING_MIGRATION;
            // A repair starts from a handover left half way and keeps its mark until it settles.
            case REPAIR -> MigrationStatus.SWITCHING;
        };
    }

    /** Allowed, or refused with a reason a DBA can act on. */
    public record Decision(boolean allowed, String reason) {
        static Decision allow() {
            return new Decision(true, "");
        }

        static Decision refuse(String reason) {
            return new Decision(false, reason);
        }
    }

    /**
     * @param rawStatus      the status as the backend reported it (may be unknown)
     * @param delayedSeconds replication latency, {@code -1} or {@code null} when not measured
     */
    public static Decision check(String rawStatus, Integer delayedSeconds, MigrationAction action) {
        Optional<MigrationStatus> status = MigrationStatus.parse(rawStatus);
        if (status.isEmpty()) {
            return Decision.refuse("The backend reports the unknown status \"" + rawStatus
                    + "\": no action is allowed until it is one Switchback knows.");
        }
        Set<MigrationStatus> allowedIn = ALLOWED.get(action);
        if (!allowedIn.contains(status.get())) {
            String instead = instead(action, status.get());
            return Decision.refuse(action.title() + " is only possible while the status is "
                    + allowedIn.stream().map(Enum::name).sorted().collect(Collectors.joining(" or "))
                    + "; it is " + rawStatus + "." + (instead.isEmpty() ? "" : " " + instead));
        }
        if (action == SWITCH_OVER) {
            if (delayedSeconds == null || delayedSeconds < 0) {
                // Alibaba Cloud documents DelayedSeconds = -1 as "not measured"; self-managed pairs report the same.
                return Decision.refuse("Replication latency is not measured now (the backend reports -1): Switch Over "
                        + "needs a measured latency under " + MAX_SWITCH_OVER_LATENCY_SECONDS + " s. Wait until it is "
                        + "measured again; if it stays unmeasured, check that the migration's replication is running.");
            }
            if (delayedSeconds >= MAX_SWITCH_OVER_LATENCY_SECONDS) {
                return Decision.refuse("Replication latency is " + delayedSeconds
                        + " s: Switch Over needs it under " + MAX_SWITCH_OVER_LATENCY_SECONDS + " s.");
            }
        }
        return Decision.allow();
    }

    /** What to do instead when {@code action} is not possible in {@code status}, in the vendor's terms. */
    static String instead(MigrationAction action, MigrationStatus status) {
        return switch (status) {
            case NO_MIGRATION -> "There is no migration on this cluster.";
            case RDS2POLARDB_CLONING -> action == SWITCH_OVER ? "Wait until cloning ends (RDS2POLARDB_SYNCING)." : "";
            case SWITCHING, ROLLBACK, CLOSING_MIGRATION -> "Wait until the action under way ends; if it is stuck "
                    + "with no request running, Repair it.";
            case RDS2POLARDB_SYNCING -> switch (action) {
                case ROLL_BACK -> "Nothing to roll back: the source RDS is the writer.";
                case COMPLETE -> "Switch Over first; to stop the migration for good, Cancel it.";
                default -> "";
            };
            case POLARDB2RDS_SYNCING -> switch (action) {
                case SWITCH_OVER -> "Already switched over: Complete the migration, or Roll Back.";
                case CANCEL -> "After a switch over, Complete the migration, or Roll Back first.";
                default -> "";
            };
        };
    }

    /** The statuses an action is allowed in (for documentation and the plan). */
    public static Set<MigrationStatus> allowedStatuses(MigrationAction action) {
        return EnumSet.copyOf(ALLOWED.get(action));
    }
}
