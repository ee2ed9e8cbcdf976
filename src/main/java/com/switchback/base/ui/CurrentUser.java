package com.switchback.base.ui;

import com.switchback.base.AppRoles;
import com.vaadin.flow.spring.security.AuthenticationContext;

/** The logged-in person as views need them: a name, and what their roles let them do. */
public record CurrentUser(String name, boolean mayOperate, boolean mayApprove, boolean mayAudit) {

    public static CurrentUser of(AuthenticationContext auth) {
        return new CurrentUser(auth.getPrincipalName().orElse(""),
                auth.hasAnyRole(AppRoles.DBA, AppRoles.TEAM_LEAD), auth.hasRole(AppRoles.TEAM_LEAD),
                auth.hasAnyRole(AppRoles.AUDITOR, AppRoles.ADMIN));
    }
}
