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
}
