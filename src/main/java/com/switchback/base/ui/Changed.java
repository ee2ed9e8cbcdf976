package com.switchback.base.ui;

import com.vaadin.flow.component.HasText;
import java.util.Objects;

/**
 * Live parts set their words only when they changed. Flow's {@code setText} detaches and re-attaches
 * the text node even for the same words, so every live update would otherwise send every label of
 * the section to every open page (DD017).
 */
public final class Changed {

    private Changed() {
    }

    public static void text(HasText component, String text) {
        String now = text == null ? "" : text;
        if (!Objects.equals(component.getText(), now)) {
            component.setText(now);
        }
    }
}
