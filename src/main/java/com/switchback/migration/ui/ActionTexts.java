package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;

/**
 * The keys of the action dialogs' words, in one place; the texts (in {@code i18n/messages*.properties})
 * use the words of the vendor's console and documentation.
 */
final class ActionTexts {

    static final String ROLLBACK_TITLE = "action.rollback.title";
    static final String ROLLBACK_WITH_ENDPOINTS = "action.rollback.with.endpoints";
    static final String ROLLBACK_WITH_ENDPOINTS_HELP = "action.rollback.with.endpoints.help";
    static final String ROLLBACK_WITHOUT_ENDPOINTS = "action.rollback.without.endpoints";
    static final String ROLLBACK_WITHOUT_ENDPOINTS_HELP = "action.rollback.without.endpoints.help";
    static final String ROLLBACK_EFFECT = "action.rollback.effect";
    static final String ROLLBACK_GUIDANCE = "action.rollback.guidance";

    static final String SWITCH_TITLE = "action.switch.title";
    static final String SWITCH_WITH_ENDPOINTS = "action.switch.with.endpoints";
    static final String SWITCH_WITH_ENDPOINTS_HELP = "action.switch.with.endpoints.help";
    static final String SWITCH_WITHOUT_ENDPOINTS = "action.switch.without.endpoints";
    static final String SWITCH_WITHOUT_ENDPOINTS_HELP = "action.switch.without.endpoints.help";
    static final String SWITCH_EFFECT = "action.switch.effect";
    static final String SWITCH_GUIDANCE = "action.switch.guidance";

    static final String CANCEL_TITLE = "action.cancel.title";
    static final String CANCEL_GUIDANCE = "action.cancel.guidance";
    static final String CANCEL_MESSAGE = "action.cancel.message";

    static final String COMPLETE_TITLE = "action.complete.title";
    static final String COMPLETE_GUIDANCE = "action.complete.guidance";
    static final String COMPLETE_MESSAGE = "action.complete.message";

    static final String REPAIR_TITLE = "action.repair.title";
    static final String REPAIR_MESSAGE = "action.repair.message";

    /** The confirm button when a team lead decides: it records a request, nothing more. */
    static String requestLabel(com.switchback.migration.MigrationAction action) {
        return switch (action) {
            case SWITCH_OVER -> t("action.requestSwitchOver");
            case ROLL_BACK -> t("action.requestRollback");
            case CANCEL -> t("action.requestCancellation");
            case COMPLETE -> t("action.requestCompletion");
            case REPAIR -> t("action.requestRepair");
        };
    }

    /** The confirm button when the action runs at once (no approval required, or the emergency path). */
    static String nowLabel(com.switchback.migration.MigrationAction action) {
        return switch (action) {
            case SWITCH_OVER -> t("action.switchOverNow");
            case ROLL_BACK -> t("action.rollBackNow");
            case CANCEL -> t("action.cancelMigrationNow");
            case COMPLETE -> t("action.completeMigrationNow");
            case REPAIR -> t("action.repairNow");
        };
    }

    private ActionTexts() {
    }
}
