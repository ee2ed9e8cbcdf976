package com.switchback.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.switchback.SwitchbackTest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Notifications sent while the listener's connection is down are lost; after it reconnects every
 * view re-reads every migration, so no change made meanwhile is missed.
 */
@SwitchbackTest
class ChangeListenerReconnectTest {

    @Autowired MigrationEvents events;
    @Autowired JdbcClient jdbc;

    @Test
    void afterALostConnectionEveryViewReadsEveryMigrationAgain() {
        Set<String> tracked = Set.copyOf(jdbc.sql("select cluster_id from migration").query(String.class).list());
        assertThat(tracked).isNotEmpty();
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        Runnable unsubscribe = events.subscribe(delivered::addAll);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> terminateListener() > 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                events.flush();
                return delivered.containsAll(tracked);
            });
        } finally {
            unsubscribe.run();
        }
    }

    /** Ends the listener's server session, as a network blip or a database restart would. */
    private int terminateListener() {
        return jdbc.sql("""
                        select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity
                                              where query ilike 'LISTEN%' and pid <> pg_backend_pid()) t""")
                .query(Integer.class).single();
    }
}
