package dev.gate.report;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One metric query as an inline SVG: the points of the window before the deploy and of the window
 * after it, side by side on a shared axis, a dashed line where the deploy went live and, where the
 * kind has one, the level that would block (the ratio before plus {@code max_increase}, the median
 * before plus {@code min_effect}, a threshold's {@code max} and {@code min}). Plain markup, every
 * text escaped, read only from the record's metrics.
 */
final class MetricPlot {
    static final String KIND = "metric";
    private static final int WIDTH = 760;
    private static final int LEFT = 70;
    private static final int RIGHT = 690;
    private static final int TOP = 10;
    private static final int BOTTOM = 130;
    private static final String BEFORE_COLOR = "#6e7781";
    private static final String LIMIT_COLOR = "#cf222e";

    private MetricPlot() {
    }

    /** Whether the result is a metric with points to draw. */
    static boolean plots(CheckResult c) {
        return KIND.equals(c.kind()) && !(numbers(c.metrics().get("points_before")).isEmpty()
                && numbers(c.metrics().get("points_after")).isEmpty());
    }

    static String svg(CheckResult c) {
        Map<String, Object> m = c.metrics();
        String kind = String.valueOf(m.get("metric_kind"));
        double scale = kind.equals("ratio") ? 100 : kind.equals("latency") ? 1000 : 1;
        String unit = kind.equals("ratio") ? "%" : kind.equals("latency") ? "ms" : "";
        List<Double> before = scaled(numbers(m.get("points_before")), scale);
        List<Double> after = scaled(numbers(m.get("points_after")), scale);
        List<Double> limits = new ArrayList<>();
        if (kind.equals("ratio")) {
            number(m.get("ratio_before")).ifPresent(r -> number(m.get("max_increase"))
                    .ifPresent(x -> limits.add((r + x) * scale)));
        } else if (kind.equals("latency")) {
            number(m.get("median_before_s")).ifPresent(r -> number(m.get("min_effect"))
                    .ifPresent(x -> limits.add(r * (1 + x) * scale)));
        } else {
            number(m.get("max")).ifPresent(limits::add);
            number(m.get("min")).ifPresent(limits::add);
        }
        List<Double> all = new ArrayList<>(before);
        all.addAll(after);
        all.addAll(limits);
        all.removeIf(v -> !Double.isFinite(v));
        if (all.isEmpty()) {
            return "";
        }
        LatencyPlot.Axis axis = LatencyPlot.Axis.of(all.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                all.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        int gap = Math.max(1, (before.size() + after.size()) / 20);
        int slots = Math.max(2, before.size() + gap + after.size());
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg class=\"plot\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(BOTTOM + 40)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"")
                .append(Escaping.html(c.id() + ": the window before the deploy and the window after it")).append("\">");
        s.append("<title>").append(Escaping.html(c.id() + ": " + c.summary())).append("</title>");
        s.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(RIGHT - LEFT)
                .append("\" height=\"").append(BOTTOM - TOP).append("\" fill=\"#f6f8fa\" rx=\"3\"/>");
        for (double t : axis.ticks()) {
            double y = y(axis, t);
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(RIGHT).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"#d0d7de\" stroke-width=\"0.5\"/>");
            s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\" class=\"tick\">").append(Escaping.html(ReportFormat.number(t) + unit))
                    .append("</text>");
        }
        line(s, axis, before, 0, slots, BEFORE_COLOR);
        line(s, axis, after, before.size() + gap, slots, LatencyPlot.color(c.status()));
        double deploy = x(before.size() + gap / 2.0 - 0.5, slots);
        s.append("<line x1=\"").append(f(deploy)).append("\" x2=\"").append(f(deploy)).append("\" y1=\"").append(TOP)
                .append("\" y2=\"").append(BOTTOM).append("\" stroke=\"#57606a\" stroke-dasharray=\"4 3\"/>");
        for (double limit : limits) {
            double y = y(axis, limit);
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(RIGHT).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"").append(LIMIT_COLOR)
                    .append("\" stroke-width=\"1.5\" stroke-dasharray=\"6 3\"/>");
        }
        s.append("<text x=\"").append(LEFT).append("\" y=\"").append(BOTTOM + 16).append("\" class=\"tick\">")
                .append("before the deploy (").append(before.size()).append(" points)</text>");
        s.append("<text x=\"").append(RIGHT).append("\" y=\"").append(BOTTOM + 16)
                .append("\" text-anchor=\"end\" class=\"tick\">after it went live (").append(after.size())
                .append(" points)</text>");
        s.append("<text x=\"").append(LEFT).append("\" y=\"").append(BOTTOM + 32).append("\" class=\"tick\">")
                .append(limits.isEmpty() ? "one dot per point · dashed: the deploy"
                        : "one dot per point · dashed: the deploy · red dashed: where it would block")
                .append("</text>");
        return s.append("</svg>").toString();
    }

    private static void line(StringBuilder s, LatencyPlot.Axis axis, List<Double> values, int first, int slots,
                             String color) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double v = values.get(i);
            if (!Double.isFinite(v)) {
                continue;
            }
            points.append(f(x(first + i, slots))).append(',').append(f(y(axis, v))).append(' ');
            s.append("<circle cx=\"").append(f(x(first + i, slots))).append("\" cy=\"").append(f(y(axis, v)))
                    .append("\" r=\"2.4\" fill=\"").append(color).append("\"/>");
        }
        if (points.length() > 0) {
            s.append("<polyline points=\"").append(points.toString().trim()).append("\" fill=\"none\" stroke=\"")
                    .append(color).append("\" stroke-width=\"1.5\"/>");
        }
    }

    private static double x(double slot, int slots) {
        return LEFT + 6 + slot / (slots - 1) * (RIGHT - LEFT - 12);
    }

    private static double y(LatencyPlot.Axis axis, double v) {
        return BOTTOM - (v - axis.lo()) / (axis.hi() - axis.lo()) * (BOTTOM - TOP);
    }

    private static List<Double> scaled(List<Double> values, double scale) {
        return values.stream().map(v -> v * scale).toList();
    }

    /** A list of numbers as the record holds it (Doubles when made, Numbers when read back). */
    private static List<Double> numbers(Object value) {
        List<Double> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Number n) {
                    out.add(n.doubleValue());
                }
            }
        }
        return out;
    }

    private static OptionalDouble number(Object value) {
        return value instanceof Number n ? OptionalDouble.of(n.doubleValue()) : OptionalDouble.empty();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** The metrics that need no attention card, each with its plot. */
    static String section(List<CheckResult> calm) {
        if (calm.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<section id=\"metrics\"><h2>Metrics</h2>");
        for (CheckResult c : calm) {
            s.append("<figure class=\"plot-card\" id=\"").append(HtmlParts.anchor("check-", c.id())).append("\">")
                    .append("<figcaption>").append(HtmlParts.chip(c.status())).append(" <strong class=\"cid\">")
                    .append(Escaping.html(c.id())).append("</strong> <span class=\"muted\">")
                    .append(Escaping.html(c.summary())).append("</span></figcaption>")
                    .append(svg(c)).append("</figure>");
        }
        return s.append("</section>").toString();
    }

    static Optional<String> card(CheckResult c) {
        return plots(c) ? Optional.of("<div class=\"card-plot\">" + svg(c) + "</div>") : Optional.empty();
    }
}
