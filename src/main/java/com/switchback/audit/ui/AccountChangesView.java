package com.switchback.audit.ui;

import com.switchback.audit.AuditEvent;
import com.switchback.audit.AuditService;
import com.switchback.base.AppRoles;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Account and role changes from the audit trail, for team leads as well as auditors and administrators. */
@Route("account-changes")
@PageTitle("Account changes — Switchback")
@Menu(title = "Account changes", order = 35, icon = "vaadin:users")
@RolesAllowed({AppRoles.TEAM_LEAD, AppRoles.AUDITOR, AppRoles.ADMIN})
public class AccountChangesView extends VerticalLayout {

    final Grid<AuditEvent> grid = new Grid<>();

    public AccountChangesView(AuditService audit) {
        grid.addColumn(com.switchback.base.ui.UserTime.renderer(com.switchback.audit.AuditEvent::occurredAt)).setHeader("When").setAutoWidth(true);
        grid.addColumn(AuditEvent::actor).setHeader("By").setAutoWidth(true);
        grid.addColumn(AuditEvent::action).setHeader("Change").setAutoWidth(true);
        grid.addColumn(AuditEvent::details).setHeader("Details").setFlexGrow(1);
        grid.setItems(audit.accountChanges());
        add(new H2("Account changes"), new Paragraph("Every account created, disabled, reset or given other roles, "
                + "newest first, from the audit trail. Approvals rely on nobody holding a role by surprise."), grid);
        setSizeFull();
    }
}
