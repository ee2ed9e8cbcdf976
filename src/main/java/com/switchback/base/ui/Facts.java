package com.switchback.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/** A two-column list of label / value pairs, as in the console's information sections. */
public class Facts extends Div {

    public Facts() {
        addClassName("sb-facts");
    }

    /** Adds a fact and returns the value's span, so the caller can update it live. */
    public Span add(String label, String value) {
        Span v = new Span(value);
        add(label, v);
        return v;
    }

    /** Adds a fact; returns the label's span, for a label that changes with what is shown. */
    public Span add(String label, Component value) {
        Span l = new Span(label);
        l.addClassName("sb-fact-label");
        value.addClassName("sb-fact-value");
        value.getElement().setAttribute("data-fact", label);
        add(l, value);
        return l;
    }
}
