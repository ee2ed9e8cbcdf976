package com.switchback.security;

import com.switchback.SeparateDatabase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.switchback.base.DemoMode;
import com.switchback.migration.MigrationBackends;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With a configured database (here a separate PostgreSQL server) Switchback is not the demo:
 * no demo accounts, no simulated fleet, and the first administrator comes from configuration.
 */
@SpringBootTest(properties = {
        "switchback.scheduling.enabled=false",
        "switchback.admin.username=firstadmin",
        "switchback.admin.password=correct-horse-battery-staple"})
class ExternalDatabaseTest {

    private static final SeparateDatabase SERVER = new SeparateDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SERVER.register(registry);
    }

    @AfterAll
    static void stop() throws IOException {
        SERVER.close();
    }

    @Autowired DemoMode demo;
    @Autowired JdbcClient jdbc;
    @Autowired AuthenticationConfiguration authConfig;
    @Autowired MigrationBackends backends;

    @Test
    void noDemoAccountsAndTheFirstAdminFromConfiguration() throws Exception {
        assertThat(demo.enabled()).isFalse();
        assertThat(jdbc.sql("select username from app_user").query(String.class).list()).containsExactly("firstadmin");
        var auth = authConfig.getAuthenticationManager().authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated("firstadmin", "correct-horse-battery-staple"));
        assertThat(auth.getAuthorities()).extracting(a -> a.getAuthority()).filteredOn(a -> a.startsWith("ROLE_"))
                .containsExactly("ROLE_ADMIN");
    }

    @Autowired AccountSetup setup;
    @Autowired org.springframework.security.crypto.password.PasswordEncoder encoder;

    @Test
    void aDemoAccountLeftInTheDatabaseIsDisabledAtStartUp() throws Exception {
        // As if this database had once run the demo: an account with the published password.
        jdbc.sql("insert into app_user(username, display_name, password_hash) values ('lead', 'lead', :h)")
                .param("h", encoder.encode(DemoAccounts.PASSWORD)).update();
        setup.run(null);
        assertThat(jdbc.sql("select enabled from app_user where username = 'lead'").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'user.disabled' and details like 'Demo account lead%'")
                .query(Integer.class).single()).isOne();
        jdbc.sql("delete from app_user where username = 'lead'").update();
    }

    @Test
    void aBootstrapPasswordThatBreaksThePolicyStopsStartUpWithAClearMessageAndCreatesNothing() throws Exception {
        SeparateDatabase empty = new SeparateDatabase();
        try {
            String[] args = {"--spring.datasource.url=" + empty.jdbcUrl(), "--spring.datasource.username=postgres",
                    "--switchback.audit.key=" + java.util.Base64.getEncoder().encodeToString(empty.auditKey),
                    "--switchback.secret.key=" + java.util.Base64.getEncoder().encodeToString(empty.auditKey),
                    "--switchback.scheduling.enabled=false", "--server.port=0", "--switchback.admin.password=short",
                    "--spring.main.banner-mode=off"};
            assertThatThrownBy(() -> new org.springframework.boot.builder.SpringApplicationBuilder(
                    com.switchback.Application.class).run(args))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("SWITCHBACK_ADMIN_PASSWORD is not accepted")
                    .hasMessageContaining("nothing was created");
            try (var c = java.sql.DriverManager.getConnection(empty.jdbcUrl(), "postgres", "");
                 var rs = c.createStatement().executeQuery("select count(*) from app_user")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        } finally {
            empty.close();
        }
    }

    @Test
    void noSimulatedClustersUnlessAskedFor() {
        assertThat(backends.all()).noneMatch(com.switchback.migration.MigrationBackend::simulated);
        assertThat(jdbc.sql("select count(*) from cluster").query(Integer.class).single()).isZero();
    }

}
