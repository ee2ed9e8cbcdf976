package com.switchback.approval;

import com.switchback.base.LiveBadge;
import com.switchback.migration.MigrationEvents;
import com.switchback.audit.Actor;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
                              Map<String, Read> reads) implements LiveBadge {

        private record Read(long stamp, int count) {
        }

        CountBadge(String path, IntSupplier counter, MigrationEvents events) {
            this(path, counter, events, new ConcurrentHashMap<>());
        }

        @Override
        public int count() {
            String user = Actor.current().name();
            long stamp = events.changeStamp();
            Read read = reads.get(user);
            if (read == null || read.stamp() != stamp) {
                read = new Read(stamp, counter.getAsInt());
                if (reads.size() > 10_000) {
                    reads.clear();
                }
                reads.put(user, read);
            }
            return read.count();
        }
    }
}
