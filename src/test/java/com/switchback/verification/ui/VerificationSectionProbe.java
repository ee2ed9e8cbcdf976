package com.switchback.verification.ui;

import com.switchback.verification.Verification;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;

/** The parts of a {@link VerificationSection} a test reads, from outside its package. */
public record VerificationSectionProbe(VerificationSection section) {

    public static VerificationSectionProbe of(VerificationSection section) {
        return new VerificationSectionProbe(section);
    }

    public Button verify() {
        return section.verify;
    }

    /** Why the cluster cannot be verified, or empty. */
    public String unavailable() {
        return section.unavailable.getText();
    }

    public String freshness() {
        return section.freshness.getText();
    }

    public String progressText() {
        return section.progressText.getText();
    }

    public Grid<Verification.Table> tables() {
        return section.tables;
    }

    public Grid<Verification.Difference> differences() {
        return section.differences;
    }
}
