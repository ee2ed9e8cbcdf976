package com.switchback.bench;

import com.switchback.e2e.RunningJar;
import org.junit.jupiter.api.Test;

/** Start-up of the production jar (embedded PostgreSQL, simulated fleet) until it serves the login page. */
class StartupBench {

    @Test
    void startUpToAServedLoginPage() throws Exception {
        Stats stats = new Stats();
        for (int run = 0; run < 3; run++) {
            try (RunningJar app = RunningJar.start()) {
                stats.add(app.startUp.toMillis() / 1000.0);
            }
        }
        Stats.report("start-up to a served login page: " + stats.summary("s") + " (goal: under 10 s)");
    }
}
