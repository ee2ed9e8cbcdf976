package com.switchback.migration;

/** {@code RdsReadWriteMode} / {@code DBClusterReadWriteMode}. */
public enum ReadWriteMode {
    rw("Read/Write"),
    ro("Read Only");

    private final String label;

    ReadWriteMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static String labelOf(ReadWriteMode mode) {
        return mode == null ? "—" : mode.label;
    }
}
