package com.switchback.approval;

import com.switchback.base.LiveBadge;
import com.switchback.migration.MigrationEvents;
import org.springframework.stereotype.Component;

/** The live count of pending requests next to "Approvals" in the navigation. */
@Component
class PendingApprovalsBadge implements LiveBadge {

    private final ApprovalService approvals;
    private final MigrationEvents events;

    PendingApprovalsBadge(ApprovalService approvals, MigrationEvents events) {
        this.approvals = approvals;
        this.events = events;
    }

    @Override
    public String path() {
        return "approvals";
    }

    @Override
    public int count() {
        return approvals.pendingCount();
    }

    @Override
    public Runnable subscribe(Runnable changed) {
        return events.subscribe(ids -> changed.run());
    }
}
