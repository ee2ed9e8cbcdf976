package com.switchback.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.SwitchbackTest;
import com.switchback.TestFleet;
import com.switchback.TestUsers;
import com.switchback.cluster.FleetDiscovery;
import com.switchback.migration.simulated.SimulatedBackend;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A verification with differences, and one gone stale, are events of the catalogue, each told once. */
@SwitchbackTest
class VerificationEventsTest {

    @Autowired VerificationService verifications;
    @Autowired VerificationRunner runner;
    @Autowired StaleVerifications stale;
    @Autowired SimulatedBackend simulated;
    @Autowired FleetDiscovery discovery;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        jdbc.sql("delete from notification_channel").update();
        TestUsers.logout();
    }

    @Test
    void differencesAndStalenessReachTheChannelsOnce() {
        // A channel told of every event (nothing listens: only the outbox is looked at).
        jdbc.sql("""
                insert into notification_channel (name, type, endpoint_enc, events, created_by)
                values ('Everything', 'SLACK', 'x', 'verification.differences,verification.stale', 'admin')""").update();
        String differing = "pc-tverifydiff1";
        simulated.put(differing, "RDS2POLARDB_SYNCING", 3);
        discovery.discover(SimulatedBackend.NAME, differing);
        TestUsers.loginAs("dba", "DBA");
        Verification bad = verifications.start(differing);
        runner.runNext();
        assertThat(outbox("verification.differences")).containsExactly(
                "Verification of " + differing + " found differences|verification.differences:verification " + bad.id());

        String id = new TestFleet(simulated, discovery, jdbc).create("RDS2POLARDB_SYNCING", 3);
        TestUsers.loginAs("dba", "DBA");
        Verification clean = verifications.start(id);
        runner.runNext();
        assertThat(stale.raiseDue(Instant.now())).as("fresh: nothing to tell").isZero();
        jdbc.sql("update verification set finished_at = now() - interval '2 days' where id = :id")
                .param("id", clean.id()).update();
        assertThat(stale.raiseDue(Instant.now())).isGreaterThanOrEqualTo(1);
        assertThat(stale.raiseDue(Instant.now())).as("told once").isZero();
        assertThat(outbox("verification.stale")).contains(
                "Verification of " + id + " is stale|verification.stale:verification " + clean.id());
    }

    private java.util.List<String> outbox(String event) {
        return jdbc.sql("select title || '|' || idempotency_key from notification_outbox where event = :e order by id")
                .param("e", event).query(String.class).list();
    }
}
