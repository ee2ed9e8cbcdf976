package com.switchback.migration.freeze;

import com.switchback.base.i18n.Text;

import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import com.switchback.base.AppRoles;
import com.switchback.base.CommaList;
import com.switchback.base.Formats;
import com.switchback.base.ActionRefusedException;
import com.switchback.migration.MigrationAction;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Change freezes: administrators define and end them; everyone sees them. Enforced by {@link FreezeGate}. */
@Service
public class FreezeService {

    public static final int MAX_REASON = 500;
    /** The longest freeze (a longer one is a typo rather than a policy). */
    public static final Duration MAX_LENGTH = Duration.ofDays(90);

    private final Freezes freezes;
    private final FreezeGate gate;
    private final FreezePolicy policy;
    private final AuditLog audit;

    FreezeService(Freezes freezes, FreezeGate gate, FreezePolicy policy, AuditLog audit) {
        this.freezes = freezes;
        this.gate = gate;
        this.policy = policy;
        this.audit = audit;
    }

    /** The freeze in force on the cluster now, if any: what the cluster page and the request dialog say. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public Optional<ChangeFreeze> inForce(String clusterId) {
        return gate.shownInForce(clusterId);
    }

    /** Freezes in force now or still to come. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public List<ChangeFreeze> current() {
        return freezes.current();
    }

    /** The latest freezes, ended ones too. */
    @PreAuthorize(AppRoles.CAN_VIEW)
    @Transactional(readOnly = true)
    public List<ChangeFreeze> recent() {
        return freezes.recent();
    }

    /** The actions that stay allowed during a freeze (configuration). */
    @PreAuthorize(AppRoles.CAN_VIEW)
    public Set<MigrationAction> allowedDuringFreeze() {
        return policy.allowed();
    }

    /** Defines a freeze; audited. Refused (and audited) when its times or reason do not hold. */
    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public ChangeFreeze create(Instant startsAt, Instant endsAt, String reason, Collection<String> clusters) {
        String why = reason == null ? "" : reason.strip();
        Text refusal = refusal(startsAt, endsAt, why);
        if (refusal != null) {
            audit.record("freeze.refused", null, null, Outcome.DENIED, refusal.english());
            throw new ActionRefusedException(refusal);
        }
        String list = CommaList.join(clusters);
        ChangeFreeze saved = freezes.save(new ChangeFreeze(null, startsAt, endsAt, why, list, Actor.current().name(),
                Instant.now(), null));
        gate.changed();
        audit.record("freeze.created", null, null, Outcome.SUCCESS, "Change freeze #" + saved.id() + " from "
                + Formats.utc(startsAt) + " until " + Formats.utc(endsAt) + " on " + saved.scope() + ": " + why);
        return saved;
    }

    /** Ends a freeze now (or cancels one still to come); audited. */
    @PreAuthorize(AppRoles.CAN_ADMINISTER)
    @Transactional(noRollbackFor = ActionRefusedException.class)
    public void end(long id) {
        ChangeFreeze f = freezes.findById(id).orElse(null);
        if (f == null || f.endedBy() != null || !f.endsAt().isAfter(Instant.now())) {
            Text refusal = Text.of(f == null ? "freeze.noSuch" : "freeze.over", id);
            audit.record("freeze.refused", null, null, Outcome.DENIED, refusal.english());
            throw new ActionRefusedException(refusal);
        }
        freezes.save(f.ended(Actor.current().name(), Instant.now()));
        gate.changed();
        audit.record("freeze.ended", null, null, Outcome.SUCCESS, "Change freeze #" + id + " on " + f.scope()
                + " ended early by " + Actor.current().name() + ".");
    }

    /** Why a freeze cannot be defined so, or null; {@link #REASON_FIELD} marks the refusals about its reason. */
    static Text refusal(Instant startsAt, Instant endsAt, String reason) {
        if (startsAt == null || endsAt == null) {
            return Text.of("freeze.needsTimes");
        }
        if (!endsAt.isAfter(startsAt)) {
            return Text.of("freeze.endAfterStart");
        }
        if (!endsAt.isAfter(Instant.now())) {
            return Text.of("freeze.alreadyOver");
        }
        if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
            return Text.of("freeze.tooLong", MAX_LENGTH.toDays());
        }
        if (reason.isEmpty()) {
            return Text.of(REASON_FIELD + "required");
        }
        if (reason.length() > MAX_REASON) {
            return Text.of(REASON_FIELD + "tooLong", MAX_REASON);
        }
        return null;
    }

    /** The key prefix of the refusals that belong on the reason field. */
    public static final String REASON_FIELD = "freeze.reason.";
}
