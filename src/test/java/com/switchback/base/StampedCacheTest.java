package com.switchback.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pages that ask at the same moment share one read per change; a new change reads again. */
class StampedCacheTest {

    @Test
    void pagesAskingAtOnceShareOneReadAndANewStampReadsAgain() throws Exception {
        StampedCache<String, Integer> cache = new StampedCache<>(Duration.ofMinutes(1));
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> pages = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pages.add(Thread.ofVirtual().start(() -> seen.add(cache.get("pc-1", 7, () -> {
                reads.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 42;
            }))));
        }
        // Every page is waiting: one in its read, the others for that read.
        await().atMost(Duration.ofSeconds(10)).until(() -> pages.stream()
                .allMatch(t -> t.getState() == Thread.State.WAITING));
        release.countDown();
        for (Thread t : pages) {
            t.join();
        }
        assertThat(reads).hasValue(1);
        assertThat(seen).hasSize(20).containsOnly(42);

        assertThat(cache.get("pc-1", 7, () -> 0)).as("same change: no read").isEqualTo(42);
        assertThat(cache.get("pc-1", 8, () -> 43)).as("a later change reads again").isEqualTo(43);
        assertThat(cache.get("pc-2", 8, () -> null)).isNull();
        assertThat(cache.get("pc-2", 8, () -> 5)).as("nothing read is not kept").isEqualTo(5);
    }
}
