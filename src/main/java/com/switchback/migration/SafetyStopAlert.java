package com.switchback.migration;

import com.switchback.base.LiveAlert;
import java.util.List;
import org.springframework.stereotype.Component;

/** The red banner on every page while a safety stop (two writers seen) has not been repaired. */
@Component
class SafetyStopAlert implements LiveAlert {

    private final MigrationService migrations;
    private final MigrationEvents events;
    /** Read once per change, not once per open page: the list and the change stamp it was read at. */
    private record Read(long stamp, List<String> clusterIds) {
    }

    private volatile Read last = new Read(-1, List.of());

    SafetyStopAlert(MigrationService migrations, MigrationEvents events) {
        this.migrations = migrations;
        this.events = events;
    }

    @Override
    public List<Alert> alerts() {
        Read read = last;
        long stamp = events.changeStamp();
        if (read.stamp() != stamp) {
            read = new Read(stamp, migrations.safetyStops());
            last = read;
        }
        return read.clusterIds().stream()
                .map(id -> new Alert("Safety stop on " + id + ": both sides were writable. Nothing runs there until "
                        + "it is repaired.", "clusters/" + id))
                .toList();
    }
}
