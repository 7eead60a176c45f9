package org.serverlessloyalty.tests.bench;

import java.util.Arrays;

/** Percentiles of one series of timings (nearest rank), in microseconds. */
record Latency(int calls, double p50, double p90, double p99, double max) {

    static Latency ofNanos(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latency(sorted.length, micros(rank(sorted, 0.50)), micros(rank(sorted, 0.90)),
                micros(rank(sorted, 0.99)), micros(sorted[sorted.length - 1]));
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double micros(long nanos) {
        return nanos / 1_000.0;
    }

    /** Median of a few values (cold starts): the middle one, or the mean of the two middle ones. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
