package com.switchback.migration.ui;

/** The words of the action dialogs, in one place, as the console and the vendor's documentation use them. */
final class ActionTexts {

    static final String ROLLBACK_TITLE = "Switches the business back to the original database";
    static final String ROLLBACK_WITH_ENDPOINTS = "Switch Back with Endpoints (Connection Changes Not Required)";
    static final String ROLLBACK_WITH_ENDPOINTS_HELP = "The system swaps the endpoints between the source RDS "
            + "instance and the PolarDB cluster, from wherever they route now, so the endpoint the application "
            + "writes through reaches the source RDS instance. After the switchback, nothing needs to change in the "
            + "application; existing connections are closed once and must reconnect.";
    static final String ROLLBACK_WITHOUT_ENDPOINTS = "Switch Back without Endpoints (Connection Changes Required)";
    static final String ROLLBACK_WITHOUT_ENDPOINTS_HELP = "The endpoints are not swapped. After the switchback, "
            + "change the application's database endpoint to the source RDS instance's endpoint as soon as Source "
            + "RDS Read/Write Status shows Read/Write; Switchback tells you the moment it does.";
    static final String ROLLBACK_EFFECT = "PolarDB becomes read-only, the data written on it syncs back until the "
            + "source RDS instance has applied all of it, then RDS becomes read-write and the migration returns to "
            + "RDS2POLARDB_SYNCING: data syncs from RDS to PolarDB again, so the migration can be tried again.";
    static final String ROLLBACK_GUIDANCE = "Roll back before the migration is complete, when you detect data "
            + "exceptions. Afterwards: RDS2POLARDB_SYNCING — Source RDS Read/Write, PolarDB Read Only.";

    static final String SWITCH_TITLE = "Switch Over";
    static final String SWITCH_WITH_ENDPOINTS = "Swap Endpoints (Connection Changes Not Required)";
    static final String SWITCH_WITH_ENDPOINTS_HELP = "The endpoints of the source RDS instance and the PolarDB "
            + "cluster are swapped: the application keeps its connection string and reaches PolarDB after "
            + "reconnecting once.";
    static final String SWITCH_WITHOUT_ENDPOINTS = "Do Not Swap Endpoints (Connection Changes Required)";
    static final String SWITCH_WITHOUT_ENDPOINTS_HELP = "The endpoints stay as they are: after the switch over, "
            + "change the application's database endpoint to the PolarDB cluster's endpoint.";
    static final String SWITCH_EFFECT = "The source RDS instance becomes read-only; once PolarDB has applied every "
            + "RDS transaction, PolarDB becomes read-write and the link is reversed (PolarDB → RDS), so you can "
            + "still roll back.";

    static final String SWITCH_GUIDANCE = "Afterwards: POLARDB2RDS_SYNCING — PolarDB Read/Write, Source RDS Read Only; "
            + "you can still roll back until you complete the migration.";

    static final String CANCEL_TITLE = "Cancel Migration";
    static final String CANCEL_GUIDANCE = "Cancel when you want to permanently stop the migration. Afterwards: "
            + "NO_MIGRATION — Source RDS Read/Write; PolarDB an independent Read/Write cluster.";
    static final String CANCEL_MESSAGE = "Are you sure you want to cancel the migration? The migration link is "
            + "broken for good. The source RDS instance stays read-write; the PolarDB cluster is kept, with its "
            + "data, as an independent read-write cluster. This cannot be undone.";

    static final String COMPLETE_TITLE = "Complete Migration";
    static final String COMPLETE_GUIDANCE = "Afterwards: NO_MIGRATION — PolarDB Read/Write; the source RDS instance "
            + "is no longer linked.";
    static final String COMPLETE_MESSAGE = "Completing the migration breaks the reverse link from PolarDB to the "
            + "source RDS instance. After this, Roll Back Migration is no longer possible.";

    static final String REPAIR_TITLE = "Repair";
    static final String REPAIR_MESSAGE = "The pair was left half way (an action that could not finish or undo "
            + "itself, or a safety stop). Repair reads both sides and brings them to the nearest safe state: both "
            + "are made read-only first; then the side that holds every transaction of the other becomes the one "
            + "writer (the writer from before the interrupted action when it can be), the endpoints go where the "
            + "last completed action put them, and the other side replicates from the writer. If each side has "
            + "transactions the other lacks, Repair stops with both sides read-only and says so.";

    /** The confirm button when a team lead decides: it records a request, nothing more. */
    static String requestLabel(com.switchback.migration.MigrationAction action) {
        return switch (action) {
            case SWITCH_OVER -> "Request switch over";
            case ROLL_BACK -> "Request rollback";
            case CANCEL -> "Request cancellation";
            case COMPLETE -> "Request completion";
            case REPAIR -> "Request repair";
        };
    }

    /** The confirm button when the action runs at once (no approval required, or the emergency path). */
    static String nowLabel(com.switchback.migration.MigrationAction action) {
        return switch (action) {
            case SWITCH_OVER -> "Switch over now";
            case ROLL_BACK -> "Roll back now";
            case CANCEL -> "Cancel migration now";
            case COMPLETE -> "Complete migration now";
            case REPAIR -> "Repair now";
        };
    }

    private ActionTexts() {
    }
}
