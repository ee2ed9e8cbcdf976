package com.switchback.base;

import java.util.List;
import java.util.Map;

/** The four roles of docs/architecture.md §7; views and services refer to these constants only. */
public final class AppRoles {

    public static final String DBA = "DBA";
    public static final String TEAM_LEAD = "TEAM_LEAD";
    public static final String AUDITOR = "AUDITOR";
    public static final String ADMIN = "ADMIN";

    public static final List<String> ALL = List.of(DBA, TEAM_LEAD, AUDITOR, ADMIN);

    /** Who may look at clusters and migrations (administrators too: they act on nothing). */
    public static final String CAN_VIEW = "hasAnyRole('DBA','TEAM_LEAD','AUDITOR','ADMIN')";
    /** Who may ask for a migration action. */
    public static final String CAN_OPERATE = "hasAnyRole('DBA','TEAM_LEAD')";
    /** Who may decide on others' requests. */
    public static final String CAN_APPROVE = "hasRole('TEAM_LEAD')";
    /** Who may read, verify and export the audit trail. */
    public static final String CAN_AUDIT = "hasAnyRole('AUDITOR','ADMIN')";
    /** Who sees who was given which role: those whose four eyes depend on it, and those who check. */
    public static final String CAN_SEE_ACCOUNT_CHANGES = "hasAnyRole('TEAM_LEAD','AUDITOR','ADMIN')";
    /** Who may manage users and roles. */
    public static final String CAN_ADMINISTER = "hasRole('ADMIN')";

    /**
     * The roles each expression above names: method security checks these sets instead of evaluating
     * the expressions (security.RoleChecks, DD020); RoleChecksTest holds each set to its expression.
     */
    public static final Map<String, List<String>> ROLES_OF = Map.of(
            CAN_VIEW, List.of(DBA, TEAM_LEAD, AUDITOR, ADMIN),
            CAN_OPERATE, List.of(DBA, TEAM_LEAD),
            CAN_APPROVE, List.of(TEAM_LEAD),
            CAN_AUDIT, List.of(AUDITOR, ADMIN),
            CAN_SEE_ACCOUNT_CHANGES, List.of(TEAM_LEAD, AUDITOR, ADMIN),
            CAN_ADMINISTER, List.of(ADMIN));

    private AppRoles() {
    }
}
