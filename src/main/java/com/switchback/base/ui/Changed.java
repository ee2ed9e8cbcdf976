package com.switchback.base.ui;

import com.vaadin.flow.component.HasText;
import com.vaadin.flow.dom.Element;
import java.util.Objects;

/**
 * Live parts set their words only when they changed, and then in place. Flow's {@code setText}
 * removes the element's text node and adds it again even when it keeps it, so every page would be sent
 * the node's removal and re-insertion with each new value (DD017, DD020); changing the text node
 * itself sends only its new words.
 */
public final class Changed {

    private Changed() {
    }

    public static void text(HasText component, String text) {
        String now = text == null ? "" : text;
        Element element = component.getElement();
        if (element.getChildCount() == 1 && element.getChild(0).isTextNode()) {
            Element words = element.getChild(0);
            if (!words.getText().equals(now)) {
                words.setText(now);
            }
        } else if (!Objects.equals(component.getText(), now)) {
            component.setText(now);
        }
    }
}
