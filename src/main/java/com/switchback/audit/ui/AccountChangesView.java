package com.switchback.audit.ui;

import static com.switchback.base.i18n.Texts.t;

import com.switchback.audit.AuditEvent;
import com.switchback.audit.AuditService;
import com.switchback.base.AppRoles;
import com.switchback.base.ui.FixedColumnsGrid;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** Account and role changes from the audit trail, for team leads as well as auditors and administrators. */
@Route("account-changes")
@Menu(title = "accountChanges.accountChanges", order = 35, icon = "vaadin:users")
@RolesAllowed({AppRoles.TEAM_LEAD, AppRoles.AUDITOR, AppRoles.ADMIN})
public class AccountChangesView extends VerticalLayout implements com.vaadin.flow.router.HasDynamicTitle {

    @Override
    public String getPageTitle() {
        return com.switchback.base.ui.Titles.page("accountChanges.accountChanges");
    }

    final Grid<AuditEvent> grid = new FixedColumnsGrid<>();

    public AccountChangesView(AuditService audit) {
        grid.addColumn(com.switchback.base.ui.UserTime.renderer(com.switchback.audit.AuditEvent::occurredAt)).setHeader(t("accountChanges.when")).setAutoWidth(true);
        grid.addColumn(AuditEvent::actor).setHeader(t("accountChanges.by")).setAutoWidth(true);
        grid.addColumn(AuditEvent::action).setHeader(t("accountChanges.change")).setAutoWidth(true);
        grid.addColumn(AuditEvent::details).setHeader(t("accountChanges.details")).setFlexGrow(1);
        grid.setItems(audit.accountChanges());
        add(new H2(t("accountChanges.accountChanges")), new Paragraph(t("accountChanges.intro")), grid);
        setSizeFull();
    }
}
