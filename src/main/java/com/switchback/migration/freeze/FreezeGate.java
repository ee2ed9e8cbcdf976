package com.switchback.migration.freeze;

import com.switchback.base.StampedCache;
import com.switchback.base.i18n.Text;

import com.switchback.migration.ClusterGate;
import com.switchback.migration.RequestPlan;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What a change freeze means for requests (the one place it is enforced): while one is in force on a
 * cluster, a request is refused unless its action is allowed during a freeze (Roll Back, by default)
 * or it is a freeze exception, which two team leads must approve. The emergency path, which skips
 * approval, is closed during a freeze for any other action. The same rule is a check in the plan,
 * enforced again when execution starts: a freeze that began after the approval holds the start too.
 */
@Component
class FreezeGate implements ClusterGate {

    static final String CHECK = "No change freeze";

    private final Freezes freezes;
    private final FreezePolicy policy;

    FreezeGate(Freezes freezes, FreezePolicy policy) {
        this.freezes = freezes;
        this.policy = policy;
    }

    static final java.time.Duration SHOWN_FOR = java.time.Duration.ofSeconds(5);

    /**
     * What pages show, read at most once per {@link #SHOWN_FOR} on this node however many pages ask at
     * once (rules always read afresh); a freeze defined or ended here counts at once.
     */
    private final StampedCache<String, List<ChangeFreeze>> shown = new StampedCache<>(SHOWN_FOR);
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    /** The freeze in force on the cluster now, if any, read now: what the rules decide on. */
    Optional<ChangeFreeze> inForce(String clusterId) {
        return inForce(freezes.current(), clusterId);
    }

    /** As {@link #inForce(String)}, from a read at most a few seconds old: what every open page shows. */
    Optional<ChangeFreeze> shownInForce(String clusterId) {
        return inForce(shown.get("current", changes.get(), freezes::current), clusterId);
    }

    /** A freeze was defined or ended on this node: pages read afresh. */
    void changed() {
        changes.incrementAndGet();
    }

    private static Optional<ChangeFreeze> inForce(List<ChangeFreeze> current, String clusterId) {
        Instant now = Instant.now();
        return current.stream().filter(f -> f.inForce(now) && f.covers(clusterId)).findFirst();
    }

    @Override
    public Text refusal(Proposal p) {
        Optional<ChangeFreeze> freeze = inForce(p.clusterId());
        if (freeze.isEmpty()) {
            return p.conditions().freezeException() ? Text.of("gate.noFreeze") : null;
        }
        if (policy.allowed().contains(p.action())) {
            return null;
        }
        if (p.emergency()) {
            return Text.of("gate.freezeNoEmergency", freeze.get().line());
        }
        return p.conditions().freezeException() ? null : Text.of("dialog.freezeExceptionOnly", freeze.get().line());
    }

    @Override
    public List<RequestPlan.Check> checks(Proposal p) {
        Optional<ChangeFreeze> freeze = inForce(p.clusterId());
        if (freeze.isEmpty()) {
            return List.of();
        }
        String what = freeze.get().describe() + ".";
        if (policy.allowed().contains(p.action())) {
            return List.of(RequestPlan.Check.cited(CHECK, what + " " + p.action().title() + " stays allowed."));
        }
        if (p.conditions().freezeException()) {
            return List.of(RequestPlan.Check.cited(CHECK, what + " A freeze exception, approved by two team leads."));
        }
        return List.of(RequestPlan.Check.fail(CHECK, what,
                "Wait until the freeze ends, or ask for a freeze exception (two team leads approve it)."));
    }
}
