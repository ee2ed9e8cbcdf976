package com.switchback.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.SwitchbackTest;
import com.switchback.TestUsers;
import com.switchback.migration.MigrationService;
import com.switchback.migration.RequestFilter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

/** Reading the fleet and the requests, called directly as each role. */
@SwitchbackTest
class ClusterServiceTest {

    @Autowired ClusterService clusters;
    @Autowired MigrationService migrations;
    @Autowired com.switchback.migration.MigrationEvents events;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void tearDown() {
        TestUsers.logout();
    }

    @ParameterizedTest
    @ValueSource(strings = {"DBA", "TEAM_LEAD", "AUDITOR", "ADMIN"})
    void everyRoleReadsTheFleetAndTheRequests(String role) {
        TestUsers.loginAs("someone", role);
        assertThat(clusters.count(ClusterFilter.NONE)).isGreaterThanOrEqualTo(60);
        assertThat(clusters.page(ClusterFilter.NONE, List.of(), 0, 10)).hasSize(10);
        assertThat(clusters.find("pc-nosuchcluster")).isEmpty();
        assertThat(migrations.countRequests(RequestFilter.ALL)).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aUserWithoutARoleOrNobodyAtAllReadsNothing() {
        TestUsers.loginAs("nobody");
        assertThatThrownBy(() -> clusters.count(ClusterFilter.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> migrations.requests(RequestFilter.ALL, 0, 10)).isInstanceOf(AccessDeniedException.class);
        TestUsers.logout();
        assertThatThrownBy(() -> clusters.find("x")).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void pagesAreBoundedWhateverTheCallerAsks() {
        TestUsers.loginAs("dba", "DBA");
        assertThat(clusters.page(ClusterFilter.NONE, List.of(), -5, 100_000)).hasSizeLessThanOrEqualTo(ClusterService.MAX_PAGE);
        assertThat(clusters.find("x".repeat(10_000))).isEmpty();
    }

    @Test
    void openListsShareOneReadOfAPageUntilTheFleetChanges() {
        TestUsers.loginAs("dba", "DBA");
        events.publish("pc-someone-elses"); // a fresh stamp: nothing read before this test counts
        List<ClusterSummary> first = clusters.shownPage(ClusterFilter.NONE, List.of(), 0, 10);
        int count = clusters.shownCount(ClusterFilter.NONE);
        TestUsers.loginAs("lead", "TEAM_LEAD");
        assertThat(clusters.shownPage(ClusterFilter.NONE, List.of(), 0, 10)).as("the same rows, not a copy per list")
                .isSameAs(first);

        // Read again at a later change, an unchanged row is still the same object: lists opened at different
        // changes share it too.
        events.publish("pc-someone-elses");
        List<ClusterSummary> later = clusters.shownPage(ClusterFilter.NONE, List.of(), 0, 10);
        assertThat(later).isNotSameAs(first);
        int unchanged = 0;
        for (int i = 0; i < Math.min(first.size(), later.size()); i++) {
            if (later.get(i).equals(first.get(i))) {
                assertThat(later.get(i)).isSameAs(first.get(i));
                unchanged++;
            }
        }
        assertThat(unchanged).as("most rows did not change in between").isPositive();

        String id = first.getFirst().id();
        String was = first.getFirst().description();
        jdbc.sql("update cluster set description = 'Renamed for the test' where id = :id").param("id", id).update();
        try {
            events.publish(id);
            List<ClusterSummary> after = clusters.shownPage(ClusterFilter.NONE, List.of(), 0, 10);
            assertThat(after).isNotSameAs(first);
            assertThat(after.getFirst().description()).isEqualTo("Renamed for the test");
            assertThat(clusters.shownCount(ClusterFilter.NONE)).isEqualTo(count);
        } finally {
            jdbc.sql("update cluster set description = :was where id = :id").param("was", was).param("id", id).update();
            events.publish(id);
        }

        TestUsers.loginAs("nobody");
        assertThatThrownBy(() -> clusters.shownPage(ClusterFilter.NONE, List.of(), 0, 10))
                .as("a shared read is still checked per call").isInstanceOf(AccessDeniedException.class);
    }
}
