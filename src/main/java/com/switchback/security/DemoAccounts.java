package com.switchback.security;

import com.switchback.base.AppRoles;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The accounts of the embedded demo, listed on its login page. They never exist elsewhere. */
public final class DemoAccounts {

    public static final String PASSWORD = "demo";

    /** User name → roles, in the order the login page lists them. */
    public static final Map<String, Set<String>> ACCOUNTS = accounts();

    private DemoAccounts() {
    }

    private static Map<String, Set<String>> accounts() {
        Map<String, Set<String>> m = new LinkedHashMap<>();
        m.put("dba", Set.of(AppRoles.DBA));
        m.put("lead", Set.of(AppRoles.TEAM_LEAD));
        m.put("lead2", Set.of(AppRoles.TEAM_LEAD));
        m.put("auditor", Set.of(AppRoles.AUDITOR));
        m.put("admin", Set.of(AppRoles.ADMIN));
        return java.util.Collections.unmodifiableMap(m);
    }
}
