package com.switchback.approval;

import com.switchback.base.LiveBadge;
import com.switchback.migration.MigrationEvents;
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

    private record CountBadge(String path, IntSupplier counter, MigrationEvents events) implements LiveBadge {

        @Override
        public int count() {
            return counter.getAsInt();
        }

        @Override
        public Runnable subscribe(Runnable changed) {
            return events.subscribe(ids -> changed.run());
        }
    }
}
