package com.switchback.audit.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import com.switchback.base.ui.MainLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A logged-in person opened a page their roles do not allow: they are told so, and it is audited. */
@PermitAll
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    private final AuditLog audit;

    public AccessDeniedView(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        String path = "/" + event.getLocation().getPath();
        audit.record("access.denied", null, null, Outcome.DENIED, "Page " + path + " refused.");
        removeAll();
        var page = com.switchback.base.web.ErrorPages.of(403, null, com.switchback.base.i18n.Texts.locale());
        add(new H2(page.title()), new Paragraph(page.message()), new Anchor("", t("error.backToStart")));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
