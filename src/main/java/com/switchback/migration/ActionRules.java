package com.switchback.migration;

import com.switchback.base.i18n.Text;

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

    /** Allowed, or refused with a reason a DBA can act on (a page says it in its language). */
    public record Decision(boolean allowed, Text why) {
        static Decision allow() {
            return new Decision(true, Text.of("common.empty"));
        }

        static Decision refuse(String key, Object... params) {
            return new Decision(false, Text.of(key, params));
        }

        /** The reason in English, as logs and the audit trail keep it; empty when allowed. */
        public String reason() {
            return allowed ? "" : why.english();
        }
    }

    /**
     * @param rawStatus      the status as the backend reported it (may be unknown)
     * @param delayedSeconds replication latency, {@code -1} or {@code null} when not measured
     */
    public static Decision check(String rawStatus, Integer delayedSeconds, MigrationAction action) {
        Optional<MigrationStatus> status = MigrationStatus.parse(rawStatus);
        if (status.isEmpty()) {
            return Decision.refuse("rules.unknownStatus", rawStatus);
        }
        Set<MigrationStatus> allowedIn = ALLOWED.get(action);
        if (!allowedIn.contains(status.get())) {
            String instead = instead(action, status.get());
            return Decision.refuse("rules.onlyWhile", Text.of("enum.MigrationAction." + action.name()),
                    either(allowedIn.stream().map(Enum::name).sorted().toList()), rawStatus,
                    instead.isEmpty() ? Text.of("common.empty") : Text.of(instead));
        }
        if (action == SWITCH_OVER) {
            if (delayedSeconds == null || delayedSeconds < 0) {
                // Alibaba Cloud documents DelayedSeconds = -1 as "not measured"; self-managed pairs report the same.
                return Decision.refuse("rules.latencyNotMeasured", MAX_SWITCH_OVER_LATENCY_SECONDS);
            }
            if (delayedSeconds >= MAX_SWITCH_OVER_LATENCY_SECONDS) {
                return Decision.refuse("rules.latencyTooHigh", delayedSeconds, MAX_SWITCH_OVER_LATENCY_SECONDS);
            }
        }
        return Decision.allow();
    }

    /** One status, or "A or B" in the page's language. */
    private static Object either(java.util.List<String> names) {
        return names.size() == 2 ? Text.of("rules.either", names.get(0), names.get(1)) : String.join(", ", names);
    }

    /** The message key of what to do instead when {@code action} is not possible in {@code status}; empty when nothing. */
    static String instead(MigrationAction action, MigrationStatus status) {
        return switch (status) {
            case NO_MIGRATION -> "rules.instead.noMigration";
            case RDS2POLARDB_CLONING -> action == SWITCH_OVER ? "rules.instead.waitCloning" : "";
            case SWITCHING, ROLLBACK, CLOSING_MIGRATION -> "rules.instead.waitOrRepair";
            case RDS2POLARDB_SYNCING -> switch (action) {
                case ROLL_BACK -> "rules.instead.nothingToRollBack";
                case COMPLETE -> "rules.instead.switchOverFirst";
                default -> "";
            };
            case POLARDB2RDS_SYNCING -> switch (action) {
                case SWITCH_OVER -> "rules.instead.alreadySwitched";
                case CANCEL -> "rules.instead.afterSwitchOver";
                default -> "";
            };
        };
    }

    /** The statuses an action is allowed in (for documentation and the plan). */
    public static Set<MigrationStatus> allowedStatuses(MigrationAction action) {
        return EnumSet.copyOf(ALLOWED.get(action));
    }
}
