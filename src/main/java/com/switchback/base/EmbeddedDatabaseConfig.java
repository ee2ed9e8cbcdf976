package com.switchback.base;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The embedded default: with no {@code spring.datasource.url} Switchback starts a real
 * PostgreSQL from a Maven artifact and keeps its data in a local folder between runs; it is the
 * labelled demo only when no real backend is configured either ({@link DemoMode#decide}). With a
 * datasource configured, none of this happens.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    /**
     * Plan every statement with its actual parameters: a generic plan cannot use the trigram
     * indexes for a search pattern it does not know. (Also set for a configured database, in
     * application.properties.)
     */
    static final String CONNECTION_INIT_SQL = "set plan_cache_mode = force_custom_plan";

    @Bean
    DemoMode demoMode(Environment env) {
        DemoMode demo = new DemoMode(DemoMode.decide(env));
        if (!demo.enabled() && !StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            log.warn("Embedded PostgreSQL with a real backend configured: not the demo (no demo accounts); "
                    + "the first administrator comes from SWITCHBACK_ADMIN_PASSWORD.");
        }
        return demo;
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__never__")
    EmbeddedPostgres embeddedPostgres(@Value("${switchback.embedded.data-dir:}") String dataDir,
                                      @Value("${switchback.embedded.port:0}") int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (StringUtils.hasText(dataDir)) {
            Path dir = Path.of(dataDir).toAbsolutePath();
            Files.createDirectories(dir);
            OrphanedPostgres.stopIfRunning(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres pg = builder.start();
        log.info("Embedded PostgreSQL on port {} (data: {})", pg.getPort(),
                StringUtils.hasText(dataDir) ? dataDir : "temporary");
        createApplicationRole(pg);
        return pg;
    }

    /**
     * The embedded database runs as a real deployment should: Flyway as the owner ({@code postgres}),
     * the application as {@link #APP_ROLE}, which may only read and append to the audit trail
     * (afterMigrate.sql grants the rest).
     */
    static final String APP_ROLE = "switchback_app";

    private static void createApplicationRole(EmbeddedPostgres pg) {
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APP_ROLE + "') then "
                    + "create role " + APP_ROLE + " login; end if; end $$");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create the application's role on the embedded database", e);
        }
    }

    /** Flyway migrates as the owner of the schema. */
    @Bean
    @FlywayDataSource
    @ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__never__")
    DataSource embeddedOwnerDataSource(EmbeddedPostgres pg) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        // Used at start-up only (Flyway holds a few connections while it migrates); none kept afterwards.
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(0);
        pool.setPoolName("owner");
        return pool;
    }

    /** ... and grants the application's role what it needs, the audit trail read and append only. */
    @Bean
    @ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__never__")
    FlywayConfigurationCustomizer embeddedApplicationRole() {
        return flyway -> {
            var placeholders = new java.util.HashMap<>(flyway.getPlaceholders());
            placeholders.put("appRole", APP_ROLE);
            flyway.placeholders(placeholders);
        };
    }

    @Bean
    @Primary
    @ConditionalOnProperty(name = "spring.datasource.url", matchIfMissing = true, havingValue = "__never__")
    DataSource embeddedDataSource(EmbeddedPostgres pg) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(pg.getJdbcUrl(APP_ROLE, "postgres"));
        pool.setUsername(APP_ROLE);
        pool.setMaximumPoolSize(10);
        pool.setConnectionInitSql(CONNECTION_INIT_SQL);
        return pool;
    }
}
