package com.switchback.migration;

/** {@code Topologies}: which way the replication link runs. */
public enum Topology {
    RDS2POLARDB("RDS → PolarDB"),
    POLARDB2RDS("PolarDB → RDS");

    private final String label;

    Topology(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static String labelOf(Topology t) {
        return t == null ? "No link" : t.label;
    }
}
