package com.switchback.audit;

import com.switchback.audit.AuditCheckpoints.Checkpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an unfiltered JSON-lines export of the audit trail with the audit key, away from the
 * application and its database (README, "Checking an export offline"):
 * <pre>java -cp switchback.jar -Dloader.main=com.switchback.audit.OfflineCheck \
 *     org.springframework.boot.loader.launch.PropertiesLauncher audit.jsonl audit.key</pre>
 * The same walk as "Verify integrity": every link, every hash, and every checkpoint's signature
 * and head. Exit status 0 when intact, 1 when not, 2 when it could not be read.
 */
public final class OfflineCheck {

    private OfflineCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("Usage: OfflineCheck <export.jsonl> <key file (base64)>");
            System.exit(2);
        }
        try {
            Verification v = check(Path.of(args[0]), AuditKey.decode(Files.readString(Path.of(args[1])), args[1]));
            System.out.println(v.summary());
            System.exit(v.intact() ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not check " + args[0] + ": " + e.getMessage());
            System.exit(2);
        }
    }

    /** Reads the export twice (checkpoints are at its end) so no event is held in memory. */
    public static Verification check(Path export, byte[] key) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Checkpoint> checkpoints = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode c = json.readTree(line).get("checkpoint");
                if (c != null) {
                    checkpoints.add(new Checkpoint(c.get("id").asLong(), c.get("event_seq").asLong(),
                            c.get("head_hash").asString(), Instant.parse(c.get("created_at").asString()),
                            c.get("key_id").asString(), c.get("signature").asString()));
                }
            }
        }
        ChainWalk walk = new ChainWalk(checkpoints, c -> c.signedWith(key));
        try (BufferedReader in = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode e = json.readTree(line);
                if (!e.has("checkpoint")) {
                    walk.accept(event(e));
                }
            }
        }
        return walk.result();
    }

    private static AuditEvent event(JsonNode e) {
        JsonNode request = e.get("request_id");
        JsonNode cluster = e.get("cluster_id");
        return new AuditEvent(e.get("seq").asLong(), Instant.parse(e.get("occurred_at").asString()),
                e.get("actor").asString(), e.get("actor_roles").asString(), e.get("client_address").asString(),
                e.get("action").asString(), cluster == null || cluster.isNull() ? null : cluster.asString(),
                request == null || request.isNull() ? null : request.asLong(), Outcome.valueOf(e.get("outcome").asString()),
                e.get("emergency").asBoolean(), e.get("details").asString(), e.get("prev_hash").asString(),
                e.get("hash").asString(), e.get("hash_version").asInt());
    }
}
