package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.migration.RequestState;
import com.vaadin.flow.component.html.Span;

/** A request's state as a coloured badge, the same wherever a request is shown. */
public final class RequestBadge {

    private RequestBadge() {
    }

    public static Span of(RequestState state) {
        Span badge = new Span();
        badge.addClassName("sb-request-state");
        show(badge, state);
        return badge;
    }

    public static void show(Span badge, RequestState state) {
        badge.setText(t("badge.RequestState." + state.name()));
        badge.getElement().getThemeList().clear();
        badge.getElement().getThemeList().add("badge " + theme(state));
    }

    /** The Lumo badge theme of a state: green done, red failed, grey never ran, blue still open. */
    public static String theme(RequestState state) {
        return switch (state) {
            case SUCCEEDED -> "success";
            case FAILED -> "error primary";
            case REJECTED, EXPIRED, WITHDRAWN -> "contrast";
            default -> "";
        };
    }
}
