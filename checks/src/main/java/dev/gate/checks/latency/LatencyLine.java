package dev.gate.checks.latency;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers the way a person reads them in one line:
 * {@code GET /api/list is 1.48× slower (99% CI 1.31–1.66×, p=2e-9): median 30.1 → 44.6 ms}.
 */
final class LatencyLine {
    private LatencyLine() {
    }

    /** {@code (99% CI 1.31–1.66×, p=2e-9): median 30.1 → 44.6 ms} */
    static String evidence(LatencyStats s, double p) {
        RatioEstimate r = s.ratio();
        return "(" + confidence(r.confidence()) + " CI " + ratio(r.low()) + "–" + ratio(r.high()) + "×, p=" + pValue(p)
                + "): median " + ms(s.baselineP50()) + " → " + ms(s.currentP50()) + " ms";
    }

    /** Two decimals: {@code 1.48}. */
    static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    /** Two significant digits ({@code 0.41}, {@code 0.0035}); below 0.001 one digit and an exponent ({@code 2e-9}). */
    static String pValue(double p) {
        if (p <= 0) {
            return "0";
        }
        if (p >= 0.001) {
            return new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
        }
        String e = String.format(Locale.ROOT, "%.0e", p); // 2e-09
        return e.replaceFirst("e-0*(\\d)", "e-$1");
    }

    /** A change as a whole percentage ({@code 10%}, {@code 4%}); below 1% one digit ({@code 0.5%}). */
    static String percent(double fraction) {
        double pct = fraction * 100;
        if (Math.abs(pct) >= 1) {
            return Math.round(pct) + "%";
        }
        return new BigDecimal(pct).round(new MathContext(1)).stripTrailingZeros().toPlainString() + "%";
    }

    /** A confidence level with up to two decimals: {@code 99%}, {@code 99.9%}. */
    static String confidence(double fraction) {
        return new BigDecimal(fraction * 100).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + "%";
    }

    /** Milliseconds with one decimal: {@code 30.1}. */
    static String ms(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }
}
