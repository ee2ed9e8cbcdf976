package com.switchback.migration;

/** The buttons of the RDS Migration section. */
public enum MigrationAction {
    SWITCH_OVER("Switch Over"),
    ROLL_BACK("Roll Back Migration"),
    CANCEL("Cancel Migration"),
    COMPLETE("Complete Migration"),
    /** Brings a pair left half way (an interrupted undo, a safety stop) to one writer and a consistent link. */
    REPAIR("Repair");

    /** The four actions of the vendor's console (Repair is Switchback's own, shown only when needed). */
    public static final java.util.List<MigrationAction> VENDOR = java.util.List.of(SWITCH_OVER, ROLL_BACK, CANCEL, COMPLETE);

    private final String title;

    MigrationAction(String title) {
        this.title = title;
    }

    /** The button's caption, as in the console. */
    public String title() {
        return title;
    }

    /** Whether the action ends the migration for good (the link is gone afterwards). */
    public boolean closesMigration() {
        return this == CANCEL || this == COMPLETE;
    }

    /** Whether the action offers the swap-endpoints choice ({@code SwapConnectionString}). */
    public boolean hasEndpointOption() {
        return this == SWITCH_OVER || this == ROLL_BACK;
    }
}
