package com.switchback.security.session;

import com.switchback.audit.Actor;
import com.switchback.audit.AuditLog;
import com.switchback.audit.Outcome;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every logged-in session, kept in PostgreSQL so that any node can end any session: ending is
 * writing {@code ended_at}; the node holding the session sees it within a sweep
 * ({@code switchback.sessions.sweep}) and closes the tabs, at once when it is itself the node that
 * ended it. Idle time counts clicks and key presses only ({@link SessionActivity}), so Vaadin's
 * heartbeat keeps nobody logged in.
 */
@Service
public class UserSessions {

    /** A session as its owner sees it in their list. */
    public record OpenSession(String id, String address, String userAgent, Instant createdAt, Instant lastActiveAt,
                              boolean current) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Actor SESSIONS = new Actor("system:sessions", "SYSTEM", "-");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final LocalSessions local;
    private final SessionProperties properties;
    private final String node = UUID.randomUUID().toString();

    UserSessions(JdbcClient jdbc, AuditLog audit, LocalSessions local, SessionProperties properties) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.local = local;
        this.properties = properties;
        local.onClosed(this::closedByContainer);
    }

    /** The filter that registers each logged-in session; it sits in the security filter chain. */
    public jakarta.servlet.Filter registrationFilter() {
        return new SessionRegistration(this, local);
    }

    /** Records a new logged-in session; the id is random and is not the servlet session's. */
    String open(String username, String address, String userAgent) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("insert into user_session(id, username, node, address, user_agent) values (:id, :u, :n, :a, :ua)")
                .param("id", id).param("u", username).param("n", node).param("a", clip(address, 64))
                .param("ua", clip(userAgent == null ? "" : userAgent, 300)).update();
        return id;
    }

    /** A click or key press in one of the session's tabs. */
    void touch(String id) {
        jdbc.sql("update user_session set last_active_at = now() where id = :id and ended_at is null")
                .param("id", id).update();
    }

    /**
     * Ends every open session of a user, inside the caller's transaction (which records why in the
     * audit trail); the tabs this node holds are closed once that transaction commits.
     */
    @PreAuthorize(com.switchback.base.AppRoles.CAN_ADMINISTER)
    @Transactional(propagation = Propagation.MANDATORY)
    public int endAllOf(String username, String reason) {
        List<String> ids = jdbc.sql("""
                        update user_session set ended_at = now(), end_reason = :r
                        where username = :u and ended_at is null returning id""")
                .param("r", clip(reason, 200)).param("u", username).query(String.class).list();
        afterCommit(() -> ids.forEach(id -> local.end(id, SessionEnd.REVOKED)));
        return ids.size();
    }

    /** Ends the open sessions of the current user except this one (after a password change). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.MANDATORY)
    public int endMyOthers(String reason) {
        String me = Actor.current().name();
        String current = currentId();
        List<String> ids = jdbc.sql("""
                        update user_session set ended_at = now(), end_reason = :r
                        where username = :u and ended_at is null and id <> :current returning id""")
                .param("r", clip(reason, 200)).param("u", me).param("current", current == null ? "" : current)
                .query(String.class).list();
        afterCommit(() -> ids.forEach(id -> local.end(id, SessionEnd.REVOKED)));
        return ids.size();
    }

    /** Ends the current session (its tabs go to the login page saying why). */
    @PreAuthorize("isAuthenticated()")
    @Transactional(propagation = Propagation.MANDATORY)
    public void endCurrent(SessionEnd why) {
        String current = currentId();
        if (current == null) {
            return;
        }
        jdbc.sql("update user_session set ended_at = now(), end_reason = :r where id = :id and ended_at is null")
                .param("r", why.name()).param("id", current).update();
        afterCommit(() -> local.end(current, why));
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional(readOnly = true)
    public List<OpenSession> mine() {
        String current = currentId();
        return jdbc.sql("""
                        select id, address, user_agent, created_at, last_active_at from user_session
                        where username = :u and ended_at is null order by created_at desc""")
                .param("u", Actor.current().name())
                .query((rs, n) -> new OpenSession(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(1).equals(current)))
                .list();
    }

    /** Ends another of the current user's own sessions; audited. */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void endMine(String id) {
        if (id != null && id.equals(currentId())) {
            throw new com.switchback.security.AccountRefusedException("session.current");
        }
        int ended = jdbc.sql("""
                        update user_session set ended_at = now(), end_reason = 'Ended by its owner'
                        where id = :id and username = :u and ended_at is null""")
                .param("id", id).param("u", Actor.current().name()).update();
        if (ended == 0) {
            throw new com.switchback.security.AccountRefusedException("session.ended");
        }
        audit.record("session.ended", null, null, Outcome.SUCCESS, "Another session of " + Actor.current().name()
                + " ended by its owner.");
        afterCommit(() -> local.end(id, SessionEnd.REVOKED));
    }

    /**
     * Each node ends what it holds: sessions ended elsewhere (disabled user, changed roles, a reset,
     * ended by the owner on another node), idle ones and those past their lifetime.
     */
    @Scheduled(fixedDelayString = "${switchback.sessions.sweep:PT5S}")
    @Transactional
    public void sweep() {
        local.invalidateLeftovers(Instant.now());
        var ids = local.ids();
        if (ids.isEmpty()) {
            return;
        }
        record Held(String id, String username, Instant createdAt, Instant lastActiveAt, boolean ended) {
        }
        List<Held> held = jdbc.sql("""
                        select id, username, created_at, last_active_at, ended_at is not null from user_session
                        where id = any(:ids)""")
                .param("ids", ids.toArray(String[]::new))
                .query((rs, n) -> new Held(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getTimestamp(4).toInstant(), rs.getBoolean(5)))
                .list();
        Instant now = Instant.now();
        for (Held h : held) {
            if (h.ended()) {
                afterCommit(() -> local.end(h.id(), SessionEnd.REVOKED));
                continue;
            }
            SessionEnd why = endReason(properties, h.createdAt(), h.lastActiveAt(), now);
            if (why != null) {
                expire(h.id(), h.username(), why);
            }
        }
    }

    /** Why a session must end now, or null while it may go on. */
    static SessionEnd endReason(SessionProperties p, Instant createdAt, Instant lastActiveAt, Instant now) {
        if (!now.isBefore(createdAt.plus(p.lifetime()))) {
            return SessionEnd.LIFETIME;
        }
        if (!now.isBefore(lastActiveAt.plus(p.idleTimeout()))) {
            return SessionEnd.IDLE;
        }
        return null;
    }

    private void expire(String id, String username, SessionEnd why) {
        String reason = why == SessionEnd.IDLE ? "Idle for " + human(properties.idleTimeout())
                : "Reached its lifetime of " + human(properties.lifetime());
        int ended = jdbc.sql("update user_session set ended_at = now(), end_reason = :r where id = :id and ended_at is null")
                .param("r", reason).param("id", id).update();
        if (ended > 0) {
            audit.record(SESSIONS, "session.expired", null, null, Outcome.SUCCESS, false,
                    "Session of " + username + " ended: " + reason + ".");
        }
        afterCommit(() -> local.end(id, why));
    }

    private void closedByContainer(String id) {
        jdbc.sql("update user_session set ended_at = now(), end_reason = 'Logged out' where id = :id and ended_at is null")
                .param("id", id).update();
    }

    /** The current request's session id, or null outside a logged-in request. */
    static String currentId() {
        var vaadin = com.vaadin.flow.server.VaadinSession.getCurrent();
        if (vaadin != null && vaadin.getSession() != null) {
            try {
                return (String) vaadin.getSession().getAttribute(LocalSessions.ATTRIBUTE);
            } catch (IllegalStateException invalid) {
                return null;
            }
        }
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes servlet) {
            var session = servlet.getRequest().getSession(false);
            return session == null ? null : (String) session.getAttribute(LocalSessions.ATTRIBUTE);
        }
        return null;
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static String human(Duration d) {
        return d.toMinutes() >= 60 && d.toMinutesPart() == 0 ? d.toHours() + " h"
                : d.toSeconds() >= 60 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
