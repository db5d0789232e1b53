package dev.gate.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a check's metrics as the reports need them. Metrics are loosely typed on purpose (each
 * kind of check puts its own), and a record read back from {@code result.json} holds whatever
 * JSON gave (Integer, Long, Double, a number as text), so every read is forgiving: a value of the
 * wrong shape is treated as absent, never as a reason to fail the report.
 */
public final class MetricValues {
    private final Map<String, Object> metrics;

    public MetricValues(Map<String, Object> metrics) {
        this.metrics = metrics;
    }

    public Optional<Double> number(String key) {
        return toNumber(metrics.get(key));
    }

    public Optional<String> text(String key) {
        Object v = metrics.get(key);
        return v == null ? Optional.empty() : Optional.of(String.valueOf(v));
    }

    /** A list of numbers, such as latency samples; empty when absent or not a list of numbers. */
    public List<Double> numbers(String key) {
        Object v = metrics.get(key);
        if (!(v instanceof List<?> list)) {
            return List.of();
        }
        List<Double> out = new ArrayList<>(list.size());
        for (Object item : list) {
            toNumber(item).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<Double> toNumber(Object v) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        }
        if (v instanceof String s) {
            try {
                double d = Double.parseDouble(s.trim());
                return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
