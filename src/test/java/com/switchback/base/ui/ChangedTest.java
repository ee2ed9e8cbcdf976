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
        assertThat(changes()).isNotEmpty();
    }

    private static List<Object> changes() {
        List<Object> changes = new ArrayList<>();
        UI.getCurrent().getInternals().getStateTree().collectChanges(changes::add);
        return changes;
    }
}
