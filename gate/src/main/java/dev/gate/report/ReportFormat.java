package dev.gate.report;

import dev.gate.checks.time.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Values written for people, the same way in every report: milliseconds with sensible precision,
 * bytes in kB and MB, ratios as {@code ×1.38}, times in UTC. Output is plain text; each report
 * escapes it for its format.
 */
public final class ReportFormat {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private ReportFormat() {
    }

    public static String time(Instant t) {
        return TIME.format(t);
    }

    public static String duration(long millis) {
        return Durations.format(Duration.ofMillis(Math.max(0, millis)));
    }

    public static String ms(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format(Locale.ROOT, "%.2f s", v / 1000);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.0f ms", v);
        }
        return String.format(Locale.ROOT, "%.1f ms", v);
    }

    public static String ms(OptionalDouble v) {
        return v.isPresent() ? ms(v.getAsDouble()) : "–";
    }

    public static String bytes(double v) {
        if (v >= 1_000_000) {
            return String.format(Locale.ROOT, "%.1f MB", v / 1_000_000);
        }
        if (v >= 1000) {
            return String.format(Locale.ROOT, "%.1f kB", v / 1000);
        }
        return String.format(Locale.ROOT, "%.0f B", v);
    }

    public static String ratio(double v) {
        return String.format(Locale.ROOT, "×%.2f", v);
    }

    /** {@code ×1.38 (1.29–1.47)}: the effect and its confidence interval, or as much as is known. */
    public static String ratioWithInterval(OptionalDouble ratio, OptionalDouble low, OptionalDouble high) {
        if (ratio.isEmpty()) {
            return "–";
        }
        String r = ratio(ratio.getAsDouble());
        if (low.isPresent() && high.isPresent()) {
            return r + String.format(Locale.ROOT, " (%.2f–%.2f)", low.getAsDouble(), high.getAsDouble());
        }
        return r;
    }

    public static String pValue(OptionalDouble p) {
        if (p.isEmpty()) {
            return "–";
        }
        double v = p.getAsDouble();
        if (v < 0.0001) {
            return "< 0.0001";
        }
        if (v < 0.01) {
            return String.format(Locale.ROOT, "%.4f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** A number without a spurious {@code .0}; up to three decimals otherwise. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        String s = String.format(Locale.ROOT, "%.3f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /** Any metric value, briefly: lists of numbers as their count and range. */
    public static String metric(Object v) {
        if (v instanceof Number n) {
            return number(n.doubleValue());
        }
        if (v instanceof List<?> list) {
            List<Double> numbers = new MetricValues(Map.of("v", list)).numbers("v");
            if (!list.isEmpty() && numbers.size() == list.size()) {
                double min = numbers.stream().mapToDouble(Double::doubleValue).min().orElse(0);
                double max = numbers.stream().mapToDouble(Double::doubleValue).max().orElse(0);
                return list.size() + " values, " + number(min) + "–" + number(max);
            }
            return String.valueOf(list);
        }
        return String.valueOf(v);
    }

}
