package com.switchback.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.switchback.migration.MigrationEvents;
import com.switchback.security.ui.PasswordView;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A session with no role yet (a one-time password to replace) gets the frame, and reads nothing it may not see. */
class NoRoleLayoutTest extends KaribuTest {

    @Autowired MigrationEvents events;

    @Test
    void theFrameOfARolelessSessionAsksForNoAlertOrBadge() {
        // A change no page has read since: the frame would read the safety stops now, if it asked.
        events.publish("pc-anything");
        events.flush();
        login("oncall");
        UI.getCurrent().navigate("password");
        _get(PasswordView.class);
        MainLayout layout = _get(MainLayout.class);
        assertThat(layout.navigation.getInnerHtml()).doesNotContain("sb-nav-badge");
    }
}
