package com.switchback.migration;

/** The buttons of the RDS Migration section. */
public enum MigrationAction {
    SWITCH_OVER("Switch Over"),
    ROLL_BACK("Roll Back Migration"),
    CANCEL("Cancel Migration"),
    COMPLETE("Complete Migration");

    private final String title;

    MigrationAction(String title) {
        this.title = title;
    }

    /** The button's caption, as in the console. */
    public String title() {
        return title;
    }

    /** Whether the action offers the swap-endpoints choice ({@code SwapConnectionString}). */
    public boolean hasEndpointOption() {
        return this == SWITCH_OVER || this == ROLL_BACK;
    }
}
