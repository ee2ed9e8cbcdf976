package com.switchback.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Login throttling per account and per client address (docs/security.md, V2.2.1): after a few free
 * failures (3 per account, 20 per address, which a whole office may share) each further one waits
 * twice as long as the last, up to a minute; after {@code lockAfter}
 * failures the key is locked for {@code lockFor}. Counters live in PostgreSQL, so every node sees
 * the same; a key with no failure for {@code lockFor} starts again from zero. An account that does
 * not exist is throttled exactly like one that does, so the refusal tells nothing about it.
 */
@Component
public class LoginThrottle {

    private final JdbcClient jdbc;
    private final int freeFailures;
    private final int freeFailuresPerAddress;
    private final int lockAfterForAccount;
    private final int lockAfterForAddress;
    private final Duration lockFor;

    LoginThrottle(JdbcClient jdbc,
                  @Value("${switchback.login.free-failures:3}") int freeFailures,
                  @Value("${switchback.login.free-failures-per-address:20}") int freeFailuresPerAddress,
                  @Value("${switchback.login.lock-after:10}") int lockAfterForAccount,
                  @Value("${switchback.login.lock-after-per-address:50}") int lockAfterForAddress,
                  @Value("${switchback.login.lock-for:PT15M}") Duration lockFor) {
        this.jdbc = jdbc;
        this.freeFailures = freeFailures;
        this.freeFailuresPerAddress = freeFailuresPerAddress;
        this.lockAfterForAccount = lockAfterForAccount;
        this.lockAfterForAddress = lockAfterForAddress;
        this.lockFor = lockFor;
    }

    /** How long this attempt must wait before it may be tried; empty when it may be tried now. */
    public Optional<Duration> waitFor(String username, String address) {
        Instant now = Instant.now();
        return keys(username, address).stream()
                .map(k -> jdbc.sql("select failures, last_failure, locked_until from login_throttle where throttle_key = :k")
                        .param("k", k)
                        .query((rs, n) -> allowedFrom(k.startsWith("user:") ? freeFailures : freeFailuresPerAddress,
                                rs.getInt(1), rs.getTimestamp(2).toInstant(),
                                rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                        .optional().orElse(now))
                .filter(now::isBefore)
                .map(at -> Duration.between(now, at))
                .max(Duration::compareTo);
    }

    /** Counts a failed attempt on both keys (one statement each: several nodes may count at once). */
    @Transactional
    public void failed(String username, String address) {
        for (String key : keys(username, address)) {
            int lockAfter = key.startsWith("user:") ? lockAfterForAccount : lockAfterForAddress;
            jdbc.sql("""
                            insert into login_throttle (throttle_key, failures, last_failure) values (:k, 1, now())
                            on conflict (throttle_key) do update set
                                failures = case when login_throttle.last_failure < now() - make_interval(secs => :reset)
                                                then 1 else login_throttle.failures + 1 end,
                                last_failure = now(),
                                locked_until = case when login_throttle.failures + 1 >= :lockAfter
                                                     and login_throttle.last_failure >= now() - make_interval(secs => :reset)
                                                    then now() + make_interval(secs => :reset)
                                                    else login_throttle.locked_until end""")
                    .param("k", key).param("reset", lockFor.toSeconds()).param("lockAfter", lockAfter).update();
        }
    }

    /** A successful login clears its account's counter (the address keeps its own). */
    public void succeeded(String username) {
        jdbc.sql("delete from login_throttle where throttle_key = :k").param("k", "user:" + normalise(username)).update();
    }

    /** An administrator lifts an account's lockout. */
    void unlock(String username) {
        succeeded(username);
    }

    private Instant allowedFrom(int free, int failures, Instant last, Instant lockedUntil) {
        if (lockedUntil != null && lockedUntil.isAfter(Instant.now())) {
            return lockedUntil;
        }
        if (last.isBefore(Instant.now().minus(lockFor)) || failures < free) {
            return Instant.EPOCH;
        }
        long seconds = Math.min(60, 1L << Math.min(6, failures - free));
        return last.plusSeconds(seconds);
    }

    private static List<String> keys(String username, String address) {
        return List.of("user:" + normalise(username), "address:" + (address == null ? "-" : address));
    }

    private static String normalise(String username) {
        String u = username == null ? "" : username.strip().toLowerCase();
        return u.length() > 100 ? u.substring(0, 100) : u;
    }
}
