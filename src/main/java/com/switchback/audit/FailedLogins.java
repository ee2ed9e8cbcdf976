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
class FailedLogins {

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
                        select started_at > now() - interval '1 minute', failures, started_at, last_reason
                        from login_failure_window where username = :u and address = :a for update""")
                .param("u", user).param("a", address)
                .query((rs, n) -> new Window(rs.getBoolean(1), rs.getInt(2), rs.getTimestamp(3), rs.getString(4)))
                .single();
        if (window.current() && window.failures() > 0) {
            jdbc.sql("update login_failure_window set failures = failures + 1, last_reason = :r where username = :u and address = :a")
                    .param("u", user).param("a", address).param("r", reason).update();
            return;
        }
        summarise(actor, window);
        jdbc.sql("update login_failure_window set started_at = now(), failures = 1, last_reason = :r where username = :u and address = :a")
                .param("u", user).param("a", address).param("r", reason).update();
        audit.record(actor, "login.failed", null, null, Outcome.FAILURE, false, "Login refused: " + reason);
    }

    /** Writes the counts of the minutes that are over. */
    @Scheduled(fixedDelayString = "${switchback.login.fold-flush:PT30S}")
    @Transactional
    public void flush() {
        var over = jdbc.sql("""
                        select username, address, started_at, failures, last_reason from login_failure_window
                        where started_at <= now() - interval '1 minute' for update skip locked""")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2),
                        new Window(false, rs.getInt(4), rs.getTimestamp(3), rs.getString(5))})
                .list();
        for (Object[] row : over) {
            summarise(new Actor((String) row[0], "", (String) row[1]), (Window) row[2]);
            jdbc.sql("delete from login_failure_window where username = :u and address = :a")
                    .param("u", row[0]).param("a", row[1]).update();
        }
    }

    private void summarise(Actor actor, Window w) {
        if (w.failures() > 1) {
            audit.record(actor, "login.failed", null, null, Outcome.FAILURE, false, (w.failures() - 1)
                    + " further failed login(s) within the minute from " + w.startedAt().toInstant() + " (last: "
                    + w.lastReason() + ").");
        }
    }

    private record Window(boolean current, int failures, Timestamp startedAt, String lastReason) {
    }
}
