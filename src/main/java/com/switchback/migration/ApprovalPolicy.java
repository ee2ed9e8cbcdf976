package com.switchback.migration;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which actions need a team lead's approval, how long a request stays valid, and whether the
 * emergency path (a team lead runs an action at once, flagged everywhere) is open.
 *
 * @param requiredFor      actions that wait for approval (default: all four)
 * @param validFor         a request not approved and started within this time expires (default 60 minutes)
 * @param emergencyEnabled whether team leads may run an action without approval (default off)
 * @param approvals        how many team leads must approve each action, each a different person and never the
 *                         requester (default one; e.g. SWITCH_OVER=2, COMPLETE=2)
 */
@ConfigurationProperties("switchback.approval")
public record ApprovalPolicy(Set<MigrationAction> requiredFor, Duration validFor, boolean emergencyEnabled,
                             java.util.Map<MigrationAction, Integer> approvals) {

    public ApprovalPolicy {
        requiredFor = requiredFor == null ? EnumSet.allOf(MigrationAction.class) : Set.copyOf(requiredFor);
        validFor = validFor == null ? Duration.ofMinutes(60) : validFor;
        approvals = approvals == null ? java.util.Map.of() : java.util.Map.copyOf(approvals);
    }

    /** How many different team leads must approve {@code action} (at least one where approval is required). */
    public int approvalsNeeded(MigrationAction action) {
        return Math.max(1, approvals.getOrDefault(action, 1));
    }

    /** As the action needs, and at least two for a freeze exception (docs/architecture.md, change freezes). */
    public int approvalsNeeded(MigrationRequest r) {
        return r.freezeException() ? Math.max(2, approvalsNeeded(r.action())) : approvalsNeeded(r.action());
    }

    public boolean needsApproval(MigrationAction action) {
        return requiredFor.contains(action);
    }
}
