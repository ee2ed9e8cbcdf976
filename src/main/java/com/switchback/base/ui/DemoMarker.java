package com.switchback.base.ui;

import static com.switchback.base.i18n.Texts.t;

import com.vaadin.flow.component.html.Span;

/** The label every demo page carries, so nobody mistakes the simulation for production. */
public final class DemoMarker {

    public static final String TEXT = "demo.marker";

    private DemoMarker() {
    }

    public static Span create() {
        Span marker = new Span(t(TEXT));
        marker.getElement().getThemeList().add("badge contrast");
        marker.addClassName("sb-demo-marker");
        return marker;
    }
}
