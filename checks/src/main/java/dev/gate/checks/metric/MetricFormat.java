package dev.gate.checks.metric;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How metric values read in a result line: ratios as percentages, p-values short, times in UTC. */
final class MetricFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private MetricFormat() {
    }

    /** {@code 0.04%}, {@code 1.9%}, {@code 12%}: two significant digits, as much as a count supports. */
    static String percent(double ratio) {
        return number(ratio * 100) + "%";
    }

    /** {@code +0.5%} for a rise, {@code -0.2%} for a fall. */
    static String signedPercent(double ratio) {
        return (ratio >= 0 ? "+" : "-") + percent(Math.abs(ratio));
    }

    /** A relative change in whole percent, tenths under 10%: {@code +38%}, {@code +4.5%}, {@code -0%}. */
    static String change(double ratio) {
        double pct = ratio * 100;
        return String.format(Locale.ROOT, Math.abs(pct) < 10 ? "%+.1f%%" : "%+.0f%%", pct).replace("+0.0%", "+0%")
                .replace("-0.0%", "-0%");
    }

    /** Two significant digits, never in exponent form. */
    static String number(double v) {
        if (v == 0 || Double.isInfinite(v) || Double.isNaN(v)) {
            return v == 0 ? "0" : String.valueOf(v);
        }
        double a = Math.abs(v);
        int decimals = Math.max(0, 1 - (int) Math.floor(Math.log10(a)));
        String s = String.format(Locale.ROOT, "%." + Math.min(decimals, 12) + "f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** {@code p=0.31}, {@code p=0.004}, {@code p=3e-9}. */
    static String pValue(double p) {
        if (p >= 0.001) {
            return "p=" + number(p);
        }
        if (p <= 0) {
            return "p<1e-300";
        }
        int exponent = (int) Math.floor(Math.log10(p));
        long mantissa = Math.round(p / Math.pow(10, exponent));
        if (mantissa == 10) {
            mantissa = 1;
            exponent++;
        }
        return "p=" + mantissa + "e" + exponent;
    }

    /** Seconds, as Prometheus measures durations, shown in milliseconds. */
    static String seconds(double s) {
        return number(s * 1000) + " ms";
    }

    static String time(Instant t) {
        return TIME.format(t);
    }
}
