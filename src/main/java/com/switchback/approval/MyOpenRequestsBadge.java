package com.switchback.approval;

import com.switchback.base.LiveBadge;
import com.switchback.migration.MigrationEvents;
import org.springframework.stereotype.Component;

/** The live count of the user's own open requests next to "Requests" in the navigation. */
@Component
class MyOpenRequestsBadge implements LiveBadge {

    private final ApprovalService approvals;
    private final MigrationEvents events;

    MyOpenRequestsBadge(ApprovalService approvals, MigrationEvents events) {
        this.approvals = approvals;
        this.events = events;
    }

    @Override
    public String path() {
        return "requests";
    }

    @Override
    public int count() {
        return approvals.myOpenCount();
    }

    @Override
    public Runnable subscribe(Runnable changed) {
        return events.subscribe(ids -> changed.run());
    }
}
