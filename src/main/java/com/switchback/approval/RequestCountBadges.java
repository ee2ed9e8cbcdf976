package com.switchback.approval;

import com.switchback.base.LiveBadge;
import com.switchback.migration.MigrationEvents;
import com.switchback.audit.Actor;
import com.switchback.base.StampedCache;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The live counts next to "Approvals" (pending requests the team lead may decide, never their own)
 * and "Requests" (the user's own open requests), re-read whenever a request or cluster changes.
 */
@Configuration(proxyBeanMethods = false)
class RequestCountBadges {

    @Bean
    LiveBadge pendingApprovalsBadge(ApprovalService approvals, MigrationEvents events) {
        return new CountBadge("approvals", approvals::pendingCount, events);
    }

    @Bean
    LiveBadge myOpenRequestsBadge(ApprovalService approvals, MigrationEvents events) {
        return new CountBadge("requests", approvals::myOpenCount, events);
    }

    /**
     * A count per user, read once per change of any cluster however many of the user's pages ask
     * (each read runs as that user, through the service's method security).
     */
    private record CountBadge(String path, IntSupplier counter, MigrationEvents events,
                              StampedCache<String, Integer> reads) implements LiveBadge {

        CountBadge(String path, IntSupplier counter, MigrationEvents events) {
            this(path, counter, events, new StampedCache<>(Duration.ofSeconds(1)));
        }

        @Override
        public int count() {
            return reads.get(Actor.currentName(), events.changeStamp(), counter::getAsInt);
        }
    }
}
