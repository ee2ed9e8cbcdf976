package com.switchback;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A PostgreSQL server of a test class's own, configured as the application's datasource (so: not the demo). */
public final class SeparateDatabase {

    private final EmbeddedPostgres server;

    public SeparateDatabase() {
        try {
            server = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start a PostgreSQL server for the test", e);
        }
    }

    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** The audit key a configured database needs (never stored in it). */
    public final byte[] auditKey = new byte[32];

    {
        new java.security.SecureRandom().nextBytes(auditKey);
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("switchback.audit.key", () -> java.util.Base64.getEncoder().encodeToString(auditKey));
        registry.add("switchback.secret.key", () -> java.util.Base64.getEncoder().encodeToString(auditKey));
    }

    public void close() throws IOException {
        server.close();
    }
}
