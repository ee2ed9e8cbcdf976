package com.switchback.verification;

import com.switchback.migration.MigrationAction;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Verify Data ({@code switchback.verification.*}).
 *
 * @param requiredFor     actions that need a fresh, clean verification (a pre-check), e.g. SWITCH_OVER,COMPLETE
 * @param maxAge          how long a verification counts as fresh
 * @param chunkRows       rows of the first chunk of each table (of every chunk when chunkTime is zero)
 * @param chunkTime       chunks grow or shrink towards this time each, as pt-table-checksum's do (shorter than its
 *                        half second: the last chunk's replica check is not overlapped); zero keeps chunkRows
 * @param maxRowsPerSecond throttle; 0 for none
 * @param maxLag          the run pauses while the replica is further behind than this
 * @param poll            how often idle nodes look for a verification to run
 * @param staleAfter      a run whose heartbeat is older than this is taken over by another node
 */
@ConfigurationProperties("switchback.verification")
public record VerificationProperties(
        @DefaultValue("") Set<MigrationAction> requiredFor,
        @DefaultValue("PT24H") Duration maxAge,
        @DefaultValue("10000") int chunkRows,
        @DefaultValue("PT0.2S") Duration chunkTime,
        @DefaultValue("0") long maxRowsPerSecond,
        @DefaultValue("PT30S") Duration maxLag,
        @DefaultValue("PT2S") Duration poll,
        @DefaultValue("PT30S") Duration staleAfter) {

    public VerificationProperties {
        chunkRows = Math.clamp(chunkRows, 10, 1_000_000);
    }
}
