package com.switchback;

import static org.assertj.core.api.Assertions.assertThat;

import com.switchback.e2e.RunningJar;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as a user starts it: it comes up on its embedded PostgreSQL, reports
 * healthy and serves the login page with its stylesheet.
 */
class ProductionJarIT {

    private static RunningJar app;

    @BeforeAll
    static void start() throws Exception {
        app = RunningJar.start();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theJarStartsHealthyAndServesTheLoginPage() throws Exception {
        assertThat(app.get("/actuator/health").body()).contains("\"status\":\"UP\"");
        var login = app.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("<html");
        assertThat(app.status("/styles/switchback.css")).isEqualTo(200);
        assertThat(app.status("/clusters")).as("not logged in: redirected to the login page").isEqualTo(302);
        assertThat(Files.readString(app.log)).contains("Vaadin is running in production mode");
    }
}
