package com.switchback.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of a set of measurements, printed the same way by every benchmark. */
final class Stats {

    private final List<Double> values = new ArrayList<>();

    void add(double v) {
        values.add(v);
    }

    double percentile(double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    String summary(String unit) {
        return String.format("n=%d p50=%.1f %s p95=%.1f %s max=%.1f %s", values.size(), percentile(50), unit,
                percentile(95), unit, percentile(100), unit);
    }

    static void report(String line) {
        System.out.println("BENCH " + line);
    }
}
