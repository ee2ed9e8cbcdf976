package com.switchback.migration.ui;

import static com.switchback.base.i18n.Texts.t;
import com.switchback.base.ui.Changed;

import com.switchback.migration.Endpoint;
import com.switchback.migration.MigrationOverview;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.stream.Collectors;

/**
 * After a rollback without endpoints, the application must move back to the source RDS instance
 * once it is writable: a banner naming the endpoints that reach it now, and a notification the
 * moment it appears.
 */
class EndpointNotice extends Div {

    static final String TEXT = "endpoints.moveApplicationNow";

    private boolean wasShowing;

    EndpointNotice() {
        addClassNames("sb-banner", "sb-banner-warning");
        getElement().setAttribute("role", "alert");
    }

    void show(MigrationOverview current) {
        boolean show = current.applicationMustMoveToRds();
        // Named from where HAProxy or the service routes them now, never from their names.
        var reaching = current.snapshot().endpointsReaching(Endpoint.Side.RDS);
        String where = reaching.stream().map(e -> e.address() + " (" + e.endpointId() + ", " + e.netType() + ")")
                .collect(Collectors.joining(", "));
        Changed.text(this, t(TEXT) + (reaching.isEmpty()
                ? t("endpoints.noEndpointRoutesTo")
                : (reaching.size() == 1 ? t("endpoints.theEndpointThatReaches") : t("endpoints.theEndpointsThatReach"))
                  + where + "."));
        setVisible(show);
        if (show && !wasShowing && isAttached()) {
            Notification n = new Notification();
            n.add(new Span(t(TEXT)), new Button(t("endpoints.gotIt"), e -> n.close()));
            n.setDuration(0);
            n.setPosition(Notification.Position.TOP_CENTER);
            n.addThemeVariants(NotificationVariant.LUMO_WARNING);
            n.open();
        }
        wasShowing = show;
    }
}
