package com.switchback.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.switchback.SwitchbackTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Change events: batched for local views, and carried between nodes by PostgreSQL NOTIFY. */
@SwitchbackTest
class MigrationEventsTest {

    @Autowired MigrationEvents events;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void changesReachListenersAtOnceAndBurstsAreBatched() {
        Set<String> heard = ConcurrentHashMap.newKeySet();
        AtomicInteger batches = new AtomicInteger();
        Runnable unsubscribe = events.subscribe(ids -> {
            heard.addAll(ids);
            batches.incrementAndGet();
        });
        try {
            List<String> burst = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                burst.add("pc-burst-" + i);
                events.publish("pc-burst-" + i);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.containsAll(burst));
            assertThat(batches.get()).as("a burst of 100 changes arrives in a few batches").isLessThan(10);
        } finally {
            unsubscribe.run();
        }
        heard.clear();
        events.publish("pc-after");
        events.flush();
        assertThat(heard).as("an unsubscribed listener hears nothing").isEmpty();
    }

    @Test
    void aChangeInsideATransactionIsAnnouncedOnlyWhenItCommits() {
        Set<String> heard = ConcurrentHashMap.newKeySet();
        Runnable unsubscribe = events.subscribe(heard::addAll);
        try {
            tx.executeWithoutResult(t -> {
                events.publish("pc-in-tx");
                events.flush();
                assertThat(heard).as("not before the commit").doesNotContain("pc-in-tx");
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("pc-in-tx"));

            tx.executeWithoutResult(t -> {
                events.publish("pc-rolled-back");
                t.setRollbackOnly();
            });
            events.flush();
            assertThat(heard).as("a rolled-back change is never announced").doesNotContain("pc-rolled-back");
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void aChangeAnnouncedByAnotherNodeReachesThisNodesViews() {
        Set<String> heard = ConcurrentHashMap.newKeySet();
        Runnable unsubscribe = events.subscribe(heard::addAll);
        try {
            jdbc.sql("select pg_notify('switchback_migration', 'another-node:pc-from-elsewhere')").query((rs, n) -> 1).list();
            await().atMost(Duration.ofSeconds(10)).until(() -> heard.contains("pc-from-elsewhere"));
        } finally {
            unsubscribe.run();
        }
    }
}
