package com.switchback.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same words set again send nothing to the page; Flow's own setText would send the text node again. */
class ChangedTest {

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void theSameWordsSendNothingAndNewWordsAreSent() {
        Span label = new Span("12 s");
        UI.getCurrent().add(label);
        changes();

        Changed.text(label, "12 s");
        assertThat(changes()).as("unchanged: nothing for the page").isEmpty();

        label.setText("12 s");
        assertThat(changes()).as("what Changed.text avoids: Flow re-sends the same text").isNotEmpty();

        Changed.text(label, "13 s");
        assertThat(label.getText()).isEqualTo("13 s");
        // Only the text node's new words: not its removal and re-insertion, as setText sends.
        assertThat(changes()).singleElement().isInstanceOf(com.vaadin.flow.internal.change.MapPutChange.class);
        label.setText("14 s");
        assertThat(changes()).hasAtLeastOneElementOfType(com.vaadin.flow.internal.change.ListClearChange.class);
    }

    @Test
    void wordsComeGoAndComeBack() {
        Span label = new Span();
        UI.getCurrent().add(label);
        Changed.text(label, "Locked until #4 is decided");
        assertThat(label.getText()).isEqualTo("Locked until #4 is decided");
        Changed.text(label, "");
        assertThat(label.getText()).isEmpty();
        Changed.text(label, null);
        assertThat(label.getText()).isEmpty();
        Changed.text(label, "Locked until #5 is decided");
        assertThat(label.getText()).isEqualTo("Locked until #5 is decided");
        assertThat(label.getElement().getChildCount()).isEqualTo(1);
    }

    private static List<Object> changes() {
        List<Object> changes = new ArrayList<>();
        UI.getCurrent().getInternals().getStateTree().collectChanges(changes::add);
        return changes;
    }
}
