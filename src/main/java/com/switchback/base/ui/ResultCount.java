package com.switchback.base.ui;

import static com.switchback.base.i18n.Texts.t;

import com.vaadin.flow.component.html.Span;

/** "15 of 60 clusters" above a list: how much of the whole a filter shows. */
public class ResultCount extends Span {

    private final String noun;

    /** @param noun the message key of what is counted: {@code <noun>.one} and {@code <noun>.many} say it */
    public ResultCount(String noun) {
        this.noun = noun;
        addClassName("sb-result-count");
    }

    /** @param total every item, or the same as {@code shown} when nothing is filtered */
    public void show(int shown, int total) {
        setText(shown == total ? t(noun(shown), shown) : t("count.of", shown, t(noun(total), total)));
    }

    private String noun(int n) {
        return noun + (n == 1 ? ".one" : ".many");
    }
}
