package com.switchback.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When Switchback is killed (kill -9, a crash), its embedded PostgreSQL lives on and keeps the data
 * folder locked, so the next start could not open it. Before starting, such a leftover server —
 * recognised by the PID in the folder's {@code postmaster.pid} being a live postgres — is shut down
 * cleanly (SIGTERM: it finishes its work and writes a checkpoint). Nothing of its data is lost.
 */
final class OrphanedPostgres {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostgres.class);

    private OrphanedPostgres() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().strip());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        if (process.isEmpty()) {
            return;
        }
        log.warn("A PostgreSQL left behind by an earlier run (PID {}) still holds {}; shutting it down first.", pid, dataDir);
        process.get().destroy();
        try {
            process.get().onExit().get(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("The PostgreSQL left behind by an earlier run (PID " + pid + ") did not stop; "
                    + "stop it, then start Switchback again.", e);
        }
    }
}
