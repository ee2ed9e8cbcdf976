package com.switchback.base.ui;

/** The label every demo page carries, so nobody mistakes the simulation for production. */
public final class DemoMarker {

    public static final String TEXT = "demo.marker";
    /** Lumo's badge look. */
    public static final String THEME = "badge contrast";

    private DemoMarker() {
    }
}
