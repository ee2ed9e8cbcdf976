package com.switchback.migration.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The confirm button says what a click does: ask a team lead, or act now. */
class ActionDialogTest {

    private static final ActionDialog.Submit NOTHING = (action, options, reason, emergency, acknowledged, conditions) -> true;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void aRequestThatWaitsForApprovalSaysSoAndTheEmergencyPathSaysNow() {
        ActionDialog d = ActionDialog.rollBack(NOTHING).withApprovalLine(true).withEmergencyOption(true);
        assertThat(d.ok.getText()).isEqualTo("Request rollback");
        d.emergency.setValue(true);
        assertThat(d.ok.getText()).isEqualTo("Roll back now");
        d.emergency.setValue(false);
        assertThat(d.ok.getText()).isEqualTo("Request rollback");
    }

    @Test
    void anActionThePolicyDoesNotGuardRunsNow() {
        assertThat(ActionDialog.cancel(NOTHING).withApprovalLine(false).ok.getText()).isEqualTo("Cancel migration now");
        assertThat(ActionDialog.switchOver(3, NOTHING).withApprovalLine(true).ok.getText()).isEqualTo("Request switch over");
        assertThat(ActionDialog.complete(NOTHING).withApprovalLine(true).ok.getText()).isEqualTo("Request completion");
    }
}
