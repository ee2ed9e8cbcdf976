package com.switchback.migration.simulated;

import com.switchback.migration.DataCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Verify Data on a simulated cluster: three tables of made-up rows, compared in chunks that each
 * take {@code switchback.simulated.verification-chunk-time}; the configured number of rows of the
 * first table differ (switchback.simulated.verification-differences). Nothing is read.
 */
final class SimulatedDataCheck implements DataCheck {

    private static final List<TablePlan> TABLES = List.of(
            new TablePlan("shop", "orders", List.of("id"), 60_000, null, null),
            new TablePlan("shop", "customers", List.of("id"), 12_000, null, null),
            new TablePlan("shop", "order_items", List.of("order_id", "line"), 30_000, null, null));

    private final int differences;
    private final Duration chunkTime;

    SimulatedDataCheck(int differences, Duration chunkTime) {
        this.differences = differences;
        this.chunkTime = chunkTime;
    }

    @Override
    public List<TablePlan> tables() {
        return TABLES;
    }

    @Override
    public Chunk compare(TablePlan table, List<String> after, int rows) {
        long from = after == null ? 0 : Long.parseLong(after.getFirst());
        long to = Math.min(table.rowsEstimated(), from + rows);
        try {
            Thread.sleep(chunkTime.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted.");
        }
        List<Difference> found = new ArrayList<>();
        if (table.name().equals(TABLES.getFirst().name())) {
            // The differing rows are the first ones: ids 1..n.
            for (long id = from + 1; id <= Math.min(to, differences); id++) {
                Kind kind = Kind.values()[(int) (id % 3)];
                found.add(new Difference(List.of(String.valueOf(id)), kind));
            }
        }
        long count = to - from;
        List<String> last = to >= table.rowsEstimated() ? null
                : table.key().size() == 1 ? List.of(String.valueOf(to)) : List.of(String.valueOf(to), "1");
        return new Chunk(count, count - found.size(), found, last);
    }

    @Override
    public long lagSeconds() {
        return 0;
    }
}
