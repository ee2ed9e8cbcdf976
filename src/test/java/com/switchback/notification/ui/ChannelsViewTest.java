package com.switchback.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.KaribuTest;
import com.switchback.notification.Channel;
import com.switchback.notification.ChannelType;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Administrators add a channel: every broken rule marked on its field, the secret never shown again. */
class ChannelsViewTest extends KaribuTest {

    @Autowired JdbcClient jdbc;

    @AfterEach
    void removeChannels() {
        jdbc.sql("delete from notification_channel").update();
    }

    @Test
    void anAdministratorAddsAWebhookAndItsSecretIsNeverShownAgain() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate("channels");
        ChannelsView view = _get(ChannelsView.class);
        _setValue(view.type, ChannelType.WEBHOOK);
        _setValue(view.endpoint, "not a url");
        _click(view.save);
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.endpoint.getErrorMessage()).isEqualTo("An http:// or https:// address.");
        assertThat(view.secret.getErrorMessage()).isEqualTo("Required: receivers check each message's signature with it.");
        assertThat(view.grid.getListDataView().getItemCount()).isZero();

        _setValue(view.name, "Ops webhook");
        _setValue(view.endpoint, "https://hooks.example.com/switchback?token=abc");
        _setValue(view.secret, "hook-secret");
        _click(view.save);
        expectNotifications("Channel Ops webhook added.");
        Channel saved = view.grid.getListDataView().getItems().findFirst().orElseThrow();
        assertThat(saved.endpointHint()).isEqualTo("https://hooks.example.com/…");
        assertThat(view.endpoint.getValue()).as("never put back in the form").isEmpty();
        assertThat(view.secret.getValue()).isEmpty();
        assertThat(view.endpoint.getHelperText()).isEqualTo("Stored: https://hooks.example.com/… Leave empty to keep it.");
        assertThat(view.test.isVisible()).isTrue();
    }

    @Test
    void onlyAdministratorsOpenIt() {
        for (String role : new String[] {"DBA", "TEAM_LEAD", "AUDITOR"}) {
            login("someone", role);
            assertAccessDenied("channels", ChannelsView.class);
        }
    }
}
