package com.switchback.migration;

import com.switchback.base.LiveAlert;
import java.util.List;
import org.springframework.stereotype.Component;

/** The red banner on every page while a safety stop (two writers seen) has not been repaired. */
@Component
class SafetyStopAlert implements LiveAlert {

    private final MigrationService migrations;
    private final MigrationEvents events;
    /** Read once per change, not once per open page. */
    private final com.switchback.base.StampedCache<String, List<String>> read =
            new com.switchback.base.StampedCache<>(java.time.Duration.ofSeconds(1));

    SafetyStopAlert(MigrationService migrations, MigrationEvents events, RequestRepository requests) {
        this.migrations = migrations;
        this.events = events;
        // Read ahead of the pages, once per change, while pages show the frame (every viewer sees the same list).
        events.beforeDelivery(changed -> {
            if (read.readWithin("all", java.time.Duration.ofMinutes(5))) {
                read.get("all", events.changeStamp(), requests::safetyStopped);
            }
        });
    }

    @Override
    public List<Alert> alerts() {
        return read.get("all", events.changeStamp(), migrations::safetyStops).stream()
                .map(id -> new Alert("Safety stop on " + id + ": both sides were writable. Nothing runs there until "
                        + "it is repaired.", "clusters/" + id))
                .toList();
    }
}
