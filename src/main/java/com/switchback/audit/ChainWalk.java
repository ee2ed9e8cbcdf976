package com.switchback.audit;

import com.switchback.audit.AuditCheckpoints.Checkpoint;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Walks the events in order and checks each link, each hash and each signed checkpoint: the one
 * check behind "Verify integrity" and the offline check of an export (DD005).
 */
final class ChainWalk {

    private final List<Checkpoint> checkpoints;
    private final Map<Long, List<Checkpoint>> bySeq = new HashMap<>();
    private long expectedSeq = 1;
    private String expectedPrev = AuditChain.GENESIS;
    private Verification broken;

    ChainWalk(List<Checkpoint> checkpoints, Predicate<Checkpoint> signedWithOurKey) {
        this.checkpoints = checkpoints;
        for (Checkpoint c : checkpoints) {
            if (broken == null && !signedWithOurKey.test(c)) {
                broken = Verification.broken(0, c.eventSeq(), "checkpoint " + c.id() + " is not signed with this "
                        + "installation's audit key: it was forged or changed.");
            }
            bySeq.computeIfAbsent(c.eventSeq(), s -> new java.util.ArrayList<>()).add(c);
        }
    }

    void accept(AuditEvent e) {
        if (broken != null) {
            return;
        }
        if (e.seq() != expectedSeq) {
            broken = Verification.broken(expectedSeq - 1, expectedSeq,
                    "event " + expectedSeq + " is missing (the next one is " + e.seq() + ").");
        } else if (!e.prevHash().equals(expectedPrev)) {
            broken = Verification.broken(e.seq() - 1, e.seq(), "it does not link to the hash of event " + (e.seq() - 1) + ".");
        } else if (!AuditChain.hash(e).equals(e.hash())) {
            broken = Verification.broken(e.seq() - 1, e.seq(), "its content does not match its hash: it was changed.");
        } else {
            for (Checkpoint c : bySeq.getOrDefault(e.seq(), List.of())) {
                if (!c.headHash().equals(e.hash())) {
                    broken = Verification.broken(e.seq() - 1, e.seq(), "it is not the event checkpoint " + c.id()
                            + " signed: the trail up to here was rewritten, hashes and all.");
                    return;
                }
            }
        }
        expectedSeq = e.seq() + 1;
        expectedPrev = e.hash();
    }

    Verification result() {
        if (broken != null) {
            return broken;
        }
        long last = expectedSeq - 1;
        var beyond = checkpoints.stream().filter(c -> c.eventSeq() > last).max(Comparator.comparingLong(Checkpoint::eventSeq));
        if (beyond.isPresent()) {
            return Verification.broken(last, last + 1, "the trail ends at event " + last + " but checkpoint "
                    + beyond.get().id() + " signed event " + beyond.get().eventSeq() + ": events were removed from its end.");
        }
        long anchored = checkpoints.stream().mapToLong(Checkpoint::eventSeq).max().orElse(0);
        return new Verification(true, last, null, "", checkpoints.size(), anchored);
    }
}
