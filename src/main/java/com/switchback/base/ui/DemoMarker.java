package com.switchback.base.ui;

import com.vaadin.flow.component.html.Span;

/** The label every demo page carries, so nobody mistakes the simulation for production. */
public final class DemoMarker {

    public static final String TEXT = "Demo — simulated clusters";

    private DemoMarker() {
    }

    public static Span create() {
        Span marker = new Span(TEXT);
        marker.getElement().getThemeList().add("badge contrast");
        marker.addClassName("sb-demo-marker");
        return marker;
    }
}
