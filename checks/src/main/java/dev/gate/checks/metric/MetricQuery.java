package dev.gate.checks.metric;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One question asked of the team's Prometheus, of one of three kinds. Every kind names its PromQL
 * with {@code $__step} still in it (see {@link StepTemplate}).
 */
public sealed interface MetricQuery {
    /** Names the result, unique within the suite. */
    String id();

    /** A window without data is a WARN instead of an ERROR. */
    boolean allowNoData();

    /** The expressions this query reads, as the suite wrote them. */
    List<String> expressions();

    /**
     * Errors over total, both counted per step ({@code sum(increase(...[$__step]))}), so that the
     * points of a window add up to the window's counts.
     *
     * @param maxIncrease the absolute rise in the ratio worth blocking for (0.005 for +0.5%)
     */
    record Ratio(String id, String errors, String total, double maxIncrease, boolean allowNoData) implements MetricQuery {
        public Ratio {
            Objects.requireNonNull(id);
            Objects.requireNonNull(errors);
            Objects.requireNonNull(total);
        }

        @Override
        public List<String> expressions() {
            return List.of(errors, total);
        }
    }

    /**
     * A latency series (a quantile in seconds, as {@code histogram_quantile} gives it): the points of
     * the two windows compared by a rank test.
     *
     * @param minEffect the smallest slowdown worth blocking for (0.1 for 10%)
     */
    record Latency(String id, String query, double minEffect, boolean allowNoData) implements MetricQuery {
        public Latency {
            Objects.requireNonNull(id);
            Objects.requireNonNull(query);
        }

        @Override
        public List<String> expressions() {
            return List.of(query);
        }
    }

    /** Every point after the deploy must be at most {@code max} and at least {@code min}. */
    record Threshold(String id, String query, OptionalDouble max, OptionalDouble min, boolean allowNoData)
            implements MetricQuery {
        public Threshold {
            Objects.requireNonNull(id);
            Objects.requireNonNull(query);
            if (max.isEmpty() && min.isEmpty()) {
                throw new IllegalArgumentException(id + ": a threshold needs max or min");
            }
        }

        @Override
        public List<String> expressions() {
            return List.of(query);
        }
    }
}
