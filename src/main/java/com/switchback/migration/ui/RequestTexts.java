package com.switchback.migration.ui;

import com.switchback.migration.MigrationRequest;

/** How a request's reason and decision read, wherever a request is shown. */
public final class RequestTexts {

    private RequestTexts() {
    }

    public static String decision(MigrationRequest r) {
        return "Reason: " + r.reason() + " — " + decided(r);
    }

    /** Where the decision stands: waiting, approved (by whom), rejected, withdrawn or expired. */
    public static String decided(MigrationRequest r) {
        return switch (r.state()) {
            case PENDING -> "Waiting for a team lead's approval until " + com.switchback.base.ui.UserTime.format(r.expiresAt()) + ".";
            case REJECTED -> "Rejected by " + r.decidedBy() + " at " + com.switchback.base.ui.UserTime.format(r.decidedAt()) + ": " + r.decisionComment();
            case WITHDRAWN -> "Withdrawn by " + r.decidedBy() + " at " + com.switchback.base.ui.UserTime.format(r.decidedAt()) + ".";
            case EXPIRED -> "Expired at " + com.switchback.base.ui.UserTime.format(r.decidedAt()) + " before it ran.";
            default -> r.emergency() ? "Emergency run: no approval."
                    : r.decidedBy() == null ? "Approved by policy."
                    : "Approved by " + r.decidedBy() + " at " + com.switchback.base.ui.UserTime.format(r.decidedAt())
                    + (r.decisionComment() == null || r.decisionComment().isEmpty() ? "." : ": " + r.decisionComment());
        };
    }
}
