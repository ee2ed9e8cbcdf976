package com.switchback.audit;

import com.vaadin.flow.server.VaadinRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Who did something, with which roles, from where. */
public record Actor(String name, String roles, String address) {

    /** The background migration service, acting on requests people made. */
    public static final Actor SYSTEM = new Actor("system:executor", "SYSTEM", "-");

    public Actor {
        name = clip(name == null || name.isBlank() ? "anonymous" : name, 64);
        roles = clip(roles == null ? "" : roles, 200);
        address = clip(address == null || address.isBlank() ? "-" : address, 64);
    }

    /** The person behind the current request (UI or HTTP), or anonymous. */
    public static Actor current() {
        return of(SecurityContextHolder.getContext().getAuthentication(), currentAddress());
    }

    /** Who is acting, by name alone: a live read on every open page needs no roles or address. */
    public static String currentName() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "anonymous" : auth.getName();
    }

    public static Actor of(Authentication auth, String address) {
        if (auth == null) {
            return new Actor("anonymous", "", address);
        }
        return new Actor(auth.getName(), rolesOf(auth), address);
    }

    static String rolesOf(Authentication auth) {
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().toList();
        return roles.stream().collect(Collectors.joining(","));
    }

    /** The client's address, from the Vaadin request or the servlet request on this thread. */
    public static String currentAddress() {
        VaadinRequest vaadin = VaadinRequest.getCurrent();
        if (vaadin != null) {
            return vaadin.getRemoteAddr();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return "-";
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
