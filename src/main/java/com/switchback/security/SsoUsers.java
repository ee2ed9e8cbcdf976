package com.switchback.security;

import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import com.switchback.base.AppRoles;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Maps a single sign-on user onto a Switchback account at every login: the roles come from the
 * groups claim through {@link SsoProperties#groups()}, every time, so a group change at the provider
 * takes effect at the next login. The first login creates the account (audited); it has no password.
 * Refused, with a reason the login page shows: no mapped group, roles that break the separation of
 * duties, a disabled account, or a password account of the same name.
 */
class SsoUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** Stored instead of a password hash: no password ever matches it. */
    static final String NO_PASSWORD = "!sso";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,63}");

    private final OidcUserService provider = new OidcUserService();
    private final SsoProperties properties;
    private final UserAccountRepository accounts;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    SsoUsers(SsoProperties properties, UserAccountRepository accounts, AuditLog audit, TransactionTemplate transactions) {
        this.properties = properties;
        this.accounts = accounts;
        this.audit = audit;
        this.transactions = transactions;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        Object claimed = user.getClaims().get(properties.usernameClaim());
        String username = claimed == null ? "" : claimed.toString().strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw refused(username, "The provider did not send a usable user name (claim '" + properties.usernameClaim() + "').");
        }
        Set<String> roles = roles(user.getClaims().get(properties.groupsClaim()));
        if (roles.isEmpty()) {
            throw refused(username, "Your account is in no group that Switchback maps to a role. Ask an administrator "
                    + "to map one of your groups, or to add you to a mapped group.");
        }
        if (roles.contains(AppRoles.ADMIN) && (roles.contains(AppRoles.DBA) || roles.contains(AppRoles.TEAM_LEAD))) {
            throw refused(username, "Your groups map to ADMIN together with DBA or TEAM_LEAD, which one account may not "
                    + "hold (separation of duties). Ask for the group mapping to be corrected.");
        }
        // A refusal is found inside the transaction but raised after it: its audit event must not roll back with it.
        String refusal = transactions.execute(tx -> recordAccount(username, roles));
        if (refusal != null) {
            throw refused(username, refusal);
        }
        var authorities = roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        // The principal's name is the account's, not the provider's subject: the audit trail names the account.
        return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), properties.usernameClaim()) {
            @Override
            public String getName() {
                return username;
            }
        };
    }

    /** Creates or updates the account; the reason to refuse the login instead, or null. */
    private String recordAccount(String username, Set<String> roles) {
        var existing = accounts.credentials(username);
        Actor sso = new Actor(username, String.join(",", roles), Actor.currentAddress());
        if (existing.isEmpty()) {
            accounts.insert(username, username, NO_PASSWORD, roles);
            audit.record(sso, "user.created", null, null, Outcome.SUCCESS, false,
                    "Account " + username + " created at its first single sign-on login, with roles " + roles + ".");
            return null;
        }
        if (!NO_PASSWORD.equals(existing.get().passwordHash())) {
            return "A password account named " + username + " exists: single sign-on does not take it over. "
                    + "Ask an administrator.";
        }
        if (!existing.get().enabled()) {
            return "Your account is disabled. Ask an administrator.";
        }
        if (!existing.get().roles().equals(roles)) {
            accounts.replaceRoles(username, roles);
            audit.record(sso, "user.roles-changed", null, null, Outcome.SUCCESS, false, "Roles of " + username
                    + " mapped from the provider's groups at login: " + existing.get().roles() + " → " + roles + ".");
        }
        return null;
    }

    /** The roles the user's groups map to; a claim that is a list or a single string. */
    Set<String> roles(Object groupsClaim) {
        Collection<?> groups = groupsClaim instanceof Collection<?> c ? c
                : groupsClaim == null ? List.of() : List.of(groupsClaim);
        Set<String> roles = new TreeSet<>();
        for (Object group : groups) {
            roles.addAll(properties.groups().getOrDefault(String.valueOf(group), Set.of()));
        }
        roles.retainAll(AppRoles.ALL);
        return roles;
    }

    private OAuth2AuthenticationException refused(String username, String why) {
        audit.record(new Actor(username.isEmpty() ? "anonymous" : username, "", Actor.currentAddress()), "login.refused",
                null, null, Outcome.DENIED, false, "Single sign-on refused: " + why);
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }
}
