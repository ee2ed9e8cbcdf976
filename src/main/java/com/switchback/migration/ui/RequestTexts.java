package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.base.ui.UserTime;
import com.switchback.migration.MigrationRequest;

/** How a request's reason and decision read, wherever a request is shown. */
public final class RequestTexts {

    private RequestTexts() {
    }

    public static String decision(MigrationRequest r) {
        return t("requestText.decision", r.reason(), decided(r));
    }

    /** Where the decision stands: waiting, approved (by whom), rejected, withdrawn or expired. */
    public static String decided(MigrationRequest r) {
        return switch (r.state()) {
            case PENDING -> t("requestText.pending", UserTime.format(r.expiresAt()));
            case REJECTED -> t("requestText.rejected", r.decidedBy(), UserTime.format(r.decidedAt()), r.decisionComment());
            case WITHDRAWN -> t("requestText.withdrawn", r.decidedBy(), UserTime.format(r.decidedAt()));
            case EXPIRED -> t("requestText.expired", UserTime.format(r.decidedAt()));
            default -> r.emergency() ? t("requestText.emergencyRunNoApproval")
                    : r.decidedBy() == null ? t("requestText.approvedByPolicy")
                    : r.decisionComment() == null || r.decisionComment().isEmpty()
                    ? t("requestText.approved", r.decidedBy(), UserTime.format(r.decidedAt()))
                    : t("requestText.approvedWithComment", r.decidedBy(), UserTime.format(r.decidedAt()), r.decisionComment());
        };
    }
}
