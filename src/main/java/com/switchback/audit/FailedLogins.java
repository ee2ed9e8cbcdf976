package com.switchback.audit;

import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed logins in the audit trail without letting anyone grow it at will: the first failure for an
 * account from an address is recorded at once; the further ones within the minute are counted and
 * recorded as one event with their number when the minute is over (at the next attempt, or by the
 * periodic flush). Every decision is still in the trail; a password never is.
 */
@Component
public class FailedLogins {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    FailedLogins(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Transactional
    void failed(Actor actor, String reason) {
        String user = actor.name();
        String address = actor.address();
        jdbc.sql("""
                        insert into login_failure_window (username, address, started_at, failures, last_reason)
                        values (:u, :a, now(), 0, :r) on conflict do nothing""")
                .param("u", user).param("a", address).param("r", reason).update();
        var window = jdbc.sql("""
                        select username, address, started_at > now() - interval '1 minute' as current, failures,
                            started_at, last_reason
                        from login_failure_window where username = :u and address = :a for update""")
                .param("u", user).param("a", address).query(FailedLogins::window).single();
        if (window.current() && window.failures() > 0) {
            jdbc.sql("update login_failure_window set failures = failures + 1, last_reason = :r where username = :u and address = :a")
                    .param("u", user).param("a", address).param("r", reason).update();
            return;
        }
        summarise(window);
        jdbc.sql("update login_failure_window set started_at = now(), failures = 1, last_reason = :r where username = :u and address = :a")
                .param("u", user).param("a", address).param("r", reason).update();
        audit.record(actor, "login.failed", null, null, Outcome.FAILURE, false, "Login refused: " + reason);
    }

    /** Writes the counts of the minutes that are over. */
    @Scheduled(fixedDelayString = "${switchback.login.fold-flush:PT30S}")
    @Transactional
    public void flush() {
        var over = jdbc.sql("""
                        select username, address, false as current, failures, started_at, last_reason
                        from login_failure_window
                        where started_at <= now() - interval '1 minute' for update skip locked""")
                .query(FailedLogins::window).list();
        for (Window w : over) {
            summarise(w);
            jdbc.sql("delete from login_failure_window where username = :u and address = :a")
                    .param("u", w.username()).param("a", w.address()).update();
        }
    }

    private void summarise(Window w) {
        if (w.failures() > 1) {
            audit.record(new Actor(w.username(), "", w.address()), "login.failed", null, null, Outcome.FAILURE, false,
                    (w.failures() - 1)
                    + " further failed login(s) within the minute from " + w.startedAt().toInstant() + " (last: "
                    + w.lastReason() + ").");
        }
    }

    private static Window window(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Window(rs.getString("username"), rs.getString("address"), rs.getBoolean("current"),
                rs.getInt("failures"), rs.getTimestamp("started_at"), rs.getString("last_reason"));
    }

    /** One account and address's minute: is it still running, how many failures, the last reason. */
    private record Window(String username, String address, boolean current, int failures, Timestamp startedAt,
                          String lastReason) {
    }
}
