package dev.gate.report;

import dev.gate.checks.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One endpoint's latency as an inline SVG: the baseline and the current samples as two strips of
 * dots on a shared millisecond axis, each with its middle half as a box, its p50 as a solid mark
 * and its p95 as a dashed one. Every sample is shown, so a bimodal endpoint or a few slow outliers
 * are visible where a single number would hide them. No script, no external font: the SVG is
 * plain markup inside the report.
 */
public final class LatencyPlot {
    private static final int WIDTH = 760;
    private static final int PLOT_LEFT = 92;
    private static final int PLOT_RIGHT = 560;
    private static final int ROW = 36;
    private static final int TOP = 6;
    private static final int MAX_DOTS = 1500;
    private static final String BASELINE_COLOR = "#6e7781";

    private LatencyPlot() {
    }

    public static String svg(LatencyFigures f) {
        List<Double> all = new ArrayList<>(f.baseline());
        all.addAll(f.current());
        for (OptionalDouble v : List.of(f.baselineP50(), f.baselineP95(), f.currentP50(), f.currentP95())) {
            v.ifPresent(all::add);
        }
        if (all.isEmpty()) {
            return "";
        }
        Axis axis = Axis.of(all.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                all.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        int axisY = TOP + 2 * ROW + 4;
        int height = axisY + 42;
        String current = color(f.status());
        StringBuilder s = new StringBuilder(8192);
        s.append("<svg class=\"plot\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"")
                .append(Escaping.html(f.id() + ": latency before and after the deploy")).append("\">");
        s.append("<title>").append(Escaping.html(f.id() + ": baseline p50 " + ReportFormat.ms(f.baselineP50())
                + ", current p50 " + ReportFormat.ms(f.currentP50()))).append("</title>");
        row(s, axis, "baseline", f.baseline(), f.baselineP50(), f.baselineP95(), BASELINE_COLOR, TOP, 0);
        row(s, axis, "current", f.current(), f.currentP50(), f.currentP95(), current, TOP + ROW, 1);
        axis(s, axis, axisY);
        s.append("</svg>");
        return s.toString();
    }

    private static void row(StringBuilder s, Axis axis, String label, List<Double> samples, OptionalDouble p50,
                            OptionalDouble p95, String color, int top, int salt) {
        double mid = top + ROW / 2.0;
        s.append("<rect x=\"").append(PLOT_LEFT).append("\" y=\"").append(top + 3).append("\" width=\"")
                .append(PLOT_RIGHT - PLOT_LEFT).append("\" height=\"").append(ROW - 6)
                .append("\" fill=\"#f6f8fa\" rx=\"3\"/>");
        s.append("<text x=\"").append(PLOT_LEFT - 10).append("\" y=\"").append(f(mid + 4))
                .append("\" text-anchor=\"end\" class=\"lbl\">").append(label).append("</text>");
        if (samples.size() >= 4) {
            double q1 = LatencyFigures.percentile(samples, 25).orElse(0);
            double q3 = LatencyFigures.percentile(samples, 75).orElse(0);
            s.append("<rect x=\"").append(f(axis.x(q1))).append("\" y=\"").append(f(mid - 9))
                    .append("\" width=\"").append(f(Math.max(1, axis.x(q3) - axis.x(q1))))
                    .append("\" height=\"18\" fill=\"").append(color).append("\" fill-opacity=\"0.14\" stroke=\"")
                    .append(color).append("\" stroke-opacity=\"0.6\" rx=\"2\"/>");
        }
        int stride = Math.max(1, (samples.size() + MAX_DOTS - 1) / MAX_DOTS);
        for (int i = 0; i < samples.size(); i += stride) {
            // a golden-ratio sequence spreads the dots evenly and the same way every time
            double jitter = ((i * 0.6180339887 + salt * 0.31) % 1.0) - 0.5;
            s.append("<circle cx=\"").append(f(axis.x(samples.get(i)))).append("\" cy=\"").append(f(mid + jitter * 20))
                    .append("\" r=\"2.4\" fill=\"").append(color).append("\" fill-opacity=\"0.45\"/>");
        }
        p95.ifPresent(v -> s.append("<line x1=\"").append(f(axis.x(v))).append("\" x2=\"").append(f(axis.x(v)))
                .append("\" y1=\"").append(f(mid - 13)).append("\" y2=\"").append(f(mid + 13))
                .append("\" stroke=\"").append(color).append("\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>"));
        p50.ifPresent(v -> s.append("<line x1=\"").append(f(axis.x(v))).append("\" x2=\"").append(f(axis.x(v)))
                .append("\" y1=\"").append(f(mid - 13)).append("\" y2=\"").append(f(mid + 13))
                .append("\" stroke=\"").append(color).append("\" stroke-width=\"3\"/>"));
        s.append("<text x=\"").append(PLOT_RIGHT + 14).append("\" y=\"").append(f(mid + 4)).append("\" class=\"val\">")
                .append("<tspan class=\"k\">p50</tspan> ").append(Escaping.html(ReportFormat.ms(p50)))
                .append(" <tspan class=\"k\">· p95</tspan> ").append(Escaping.html(ReportFormat.ms(p95)))
                .append("</text>");
    }

    private static void axis(StringBuilder s, Axis axis, int y) {
        s.append("<line x1=\"").append(PLOT_LEFT).append("\" x2=\"").append(PLOT_RIGHT).append("\" y1=\"").append(y)
                .append("\" y2=\"").append(y).append("\" stroke=\"#afb8c1\"/>");
        for (double t : axis.ticks()) {
            double x = axis.x(t);
            s.append("<line x1=\"").append(f(x)).append("\" x2=\"").append(f(x)).append("\" y1=\"").append(y)
                    .append("\" y2=\"").append(y + 4).append("\" stroke=\"#afb8c1\"/>");
            s.append("<text x=\"").append(f(x)).append("\" y=\"").append(y + 17)
                    .append("\" text-anchor=\"middle\" class=\"tick\">").append(ReportFormat.number(t)).append("</text>");
        }
        s.append("<text x=\"").append(PLOT_RIGHT + 14).append("\" y=\"").append(y + 17).append("\" class=\"tick\">ms</text>");
        s.append("<text x=\"").append(PLOT_LEFT).append("\" y=\"").append(y + 34).append("\" class=\"tick\">")
                .append("one dot per sample · box: the middle half · solid line: p50 · dashed line: p95</text>");
    }

    static String color(Status status) {
        return switch (status) {
            case PASS -> "#0969da";
            case SKIPPED -> "#6e7781";
            case WARN -> "#9a6700";
            case FAIL, ERROR -> "#cf222e";
        };
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** A linear axis over round numbers: 1, 2 or 5 times a power of ten between ticks. */
    record Axis(double lo, double hi, double step) {
        static Axis of(double min, double max) {
            if (max <= min) {
                // one value: give it room on both sides rather than pin it to an edge
                double pad = Math.max(1, Math.abs(min) * 0.1);
                min -= pad;
                max += pad;
            }
            // start at zero when the data sit near it anyway: the eye then reads ratios right
            if (min > 0 && min < (max - min) * 0.5) {
                min = 0;
            }
            double step = niceStep((max - min) / 5);
            double lo = Math.floor(min / step) * step;
            double hi = Math.ceil(max / step) * step;
            return new Axis(lo, hi == lo ? lo + step : hi, step);
        }

        static double niceStep(double raw) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double r = raw / magnitude;
            double nice = r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10;
            return nice * magnitude;
        }

        double x(double v) {
            return PLOT_LEFT + (v - lo) / (hi - lo) * (PLOT_RIGHT - PLOT_LEFT);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (double t = lo; t <= hi + step / 1000; t += step) {
                ticks.add(Math.round(t / step) * step);
            }
            return ticks;
        }
    }
}
