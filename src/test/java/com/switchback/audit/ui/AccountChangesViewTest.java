package com.switchback.audit.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._fetch;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.KaribuTest;
import com.switchback.TestUsers;
import com.switchback.audit.AuditEvent;
import com.switchback.audit.AuditService;
import com.switchback.base.AppRoles;
import com.switchback.security.UserService;
import com.vaadin.flow.component.UI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** Team leads see who was given which role; a DBA does not. */
class AccountChangesViewTest extends KaribuTest {

    @Autowired UserService users;
    @Autowired AuditService audit;

    @Test
    void aTeamLeadSeesARoleChangeAndADbaIsRefusedByTheService() {
        TestUsers.loginAs("admin", AppRoles.ADMIN);
        users.setRoles("auditor", Set.of(AppRoles.AUDITOR, AppRoles.DBA));
        users.setRoles("auditor", Set.of(AppRoles.AUDITOR));

        login("lead", AppRoles.TEAM_LEAD);
        UI.getCurrent().navigate("account-changes");
        AccountChangesView view = _get(AccountChangesView.class);
        assertThat(_fetch(view.grid, 0, 50)).extracting(AuditEvent::details)
                .anyMatch(d -> d.contains("Roles of auditor: [AUDITOR] → [AUDITOR, DBA]"));

        TestUsers.loginAs("dba", AppRoles.DBA);
        assertThatThrownBy(() -> audit.accountChanges()).isInstanceOf(AccessDeniedException.class);
    }
}
