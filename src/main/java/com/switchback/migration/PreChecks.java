package com.switchback.migration;

import com.switchback.base.Formats;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The pre-checks shown in a request's plan, computed from a fresh read of the migration. */
final class PreChecks {

    /** A window closing sooner than this leaves no room to roll back. */
    static final Duration WINDOW_MARGIN = Duration.ofHours(2);

    private PreChecks() {
    }

    static List<RequestPlan.Check> of(MigrationSnapshot s, MigrationAction action, Instant now) {
        List<RequestPlan.Check> checks = new ArrayList<>();
        var decision = ActionRules.check(s.status(), s.delayedSeconds(), action);
        checks.add(new RequestPlan.Check("Allowed in the current status", decision.allowed(),
                decision.allowed() ? "Status " + s.status() : decision.reason()));
        boolean latencyOk = action != MigrationAction.SWITCH_OVER
                || (s.delayedSeconds() >= 0 && s.delayedSeconds() < ActionRules.MAX_SWITCH_OVER_LATENCY_SECONDS);
        checks.add(new RequestPlan.Check("Replication latency", latencyOk,
                (s.delayedSeconds() < 0 ? "not measured" : s.delayedSeconds() + " s")
                        + (action == MigrationAction.SWITCH_OVER ? " (must be under 60 s)" : "")));
        boolean linkOk = s.comment().isEmpty() && (s.topology() != null || action == MigrationAction.COMPLETE);
        checks.add(new RequestPlan.Check("Replication link healthy", linkOk,
                s.comment().isEmpty() ? "Link " + Topology.labelOf(s.topology()) : s.comment()));
        checks.add(modes(s, action));
        boolean windowOk = s.expiredTime() == null || s.expiredTime().isAfter(now.plus(WINDOW_MARGIN));
        checks.add(new RequestPlan.Check("Migration window open", windowOk,
                s.expiredTime() == null ? "no expiry reported" : "closes " + Formats.utc(s.expiredTime())));
        return checks;
    }

    /**
     * What the backend's status tells of a cluster's readiness, whatever the action (for the
     * {@code aliyun} backend all there is): a known status, both modes, the latency, the window, the link.
     */
    static List<RequestPlan.Check> readiness(MigrationSnapshot s, Instant now) {
        List<RequestPlan.Check> checks = new ArrayList<>();
        boolean known = MigrationStatus.parse(s.status()).isPresent();
        checks.add(known ? new RequestPlan.Check("Status known", true, s.status())
                : RequestPlan.Check.fail("Status known", s.status(), "Wait until the backend reports a status Switchback knows."));
        boolean modes = s.rdsMode() != null && s.clusterMode() != null;
        checks.add(modes ? new RequestPlan.Check("Read/write modes read", true,
                        "Source RDS " + ReadWriteMode.labelOf(s.rdsMode()) + ", PolarDB " + ReadWriteMode.labelOf(s.clusterMode()))
                : RequestPlan.Check.warn("Read/write modes read", "Not both reported", "Check that both sides are reachable."));
        checks.add(s.delayedSeconds() >= 0 ? new RequestPlan.Check("Replication latency measured", true, s.delayedSeconds() + " s")
                : RequestPlan.Check.warn("Replication latency measured", "Not measured",
                "Check the link: Switch Over needs a measured latency under 60 s."));
        var urgency = MigrationWindow.urgency(s.expiredTime(), now);
        String window = s.expiredTime() == null ? "no window" : "closes " + Formats.utc(s.expiredTime())
                + " (" + MigrationWindow.remaining(s.expiredTime(), now) + ")";
        checks.add(switch (urgency) {
            case NONE -> new RequestPlan.Check("Migration window", true, window);
            case WARNING -> RequestPlan.Check.warn("Migration window", window, "Finish or roll back before it closes.");
            case DANGER, EXPIRED -> RequestPlan.Check.fail("Migration window", window,
                    "Too close to its end to switch and still roll back: plan within a new window.");
        });
        checks.add(s.comment().isEmpty() ? new RequestPlan.Check("Link healthy", true, "Link " + Topology.labelOf(s.topology()))
                : RequestPlan.Check.fail("Link healthy", s.comment(), "Repair the link the exception names first."));
        return checks;
    }

    /** Repair needs a pair left half way: a handover's mark with no request running, or two writers. */
    static List<RequestPlan.Check> repair(MigrationSnapshot s) {
        var decision = ActionRules.check(s.status(), s.delayedSeconds(), MigrationAction.REPAIR);
        boolean needed = decision.allowed() || s.twoWriters();
        return List.of(new RequestPlan.Check("Something to repair", needed, needed
                ? "Status " + s.status() + "; Source RDS " + ReadWriteMode.labelOf(s.rdsMode()) + ", PolarDB "
                  + ReadWriteMode.labelOf(s.clusterMode())
                : "The pair is settled (" + s.status() + "): there is nothing to repair."));
    }

    /** The read/write modes the action starts from. */
    private static RequestPlan.Check modes(MigrationSnapshot s, MigrationAction action) {
        ReadWriteMode rds = s.rdsMode();
        ReadWriteMode polar = s.clusterMode();
        boolean ok = switch (action) {
            case SWITCH_OVER, CANCEL -> rds == ReadWriteMode.rw && polar == ReadWriteMode.ro;
            case ROLL_BACK, COMPLETE -> rds == ReadWriteMode.ro && polar == ReadWriteMode.rw;
            case REPAIR -> true;
        };
        return new RequestPlan.Check("Read/write modes", ok,
                "Source RDS " + ReadWriteMode.labelOf(rds) + ", PolarDB " + ReadWriteMode.labelOf(polar));
    }
}
