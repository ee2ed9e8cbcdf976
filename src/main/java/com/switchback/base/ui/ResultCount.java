package com.switchback.base.ui;

import com.vaadin.flow.component.html.Span;

/** "15 of 60 clusters" above a list: how much of the whole a filter shows. */
public class ResultCount extends Span {

    private final String one;
    private final String many;

    public ResultCount(String one, String many) {
        this.one = one;
        this.many = many;
        addClassName("sb-result-count");
    }

    /** @param total every item, or the same as {@code shown} when nothing is filtered */
    public void show(int shown, int total) {
        setText(shown == total ? shown + " " + noun(shown) : shown + " of " + total + " " + noun(total));
    }

    private String noun(int n) {
        return n == 1 ? one : many;
    }
}
