package com.switchback.audit.ui;

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

    static final String MESSAGE = com.switchback.base.web.ErrorPages.of(403, null).message();

    private final AuditLog audit;

    public AccessDeniedView(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        String path = "/" + event.getLocation().getPath();
        audit.record("access.denied", null, null, Outcome.DENIED, "Page " + path + " refused.");
        removeAll();
        add(new H2(com.switchback.base.web.ErrorPages.of(403, null).title()), new Paragraph(MESSAGE), new Anchor("", "Back to the start page"));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
