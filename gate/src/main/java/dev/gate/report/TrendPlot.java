package dev.gate.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One endpoint's medians across deploys as an inline SVG: deploys along the x axis, the median as a
 * line with its p95 as a band above it, blocked and rolled-back deploys marked, and each point's
 * commit and subject on hover. Plain markup, no script, like {@link LatencyPlot}.
 */
public final class TrendPlot {
    private static final int WIDTH = 760;
    private static final int HEIGHT = 180;
    private static final int LEFT = 64;
    private static final int RIGHT = 740;
    private static final int TOP = 12;
    private static final int BOTTOM = 150;

    private TrendPlot() {
    }

    /** How a deploy is marked. */
    public enum Mark {
        PASSED("#1a7f37"),
        BLOCKED("#cf222e"),
        ROLLED_BACK("#bc4c00"),
        THIS_RUN("#0969da");

        private final String color;

        Mark(String color) {
            this.color = color;
        }
    }

    /**
     * One deploy's point.
     *
     * @param hover what a person sees on hover: commit, date, subject, verdict
     */
    public record Point(double medianMs, Optional<Double> p95Ms, Mark mark, String hover) {
    }

    /** @param unit what the values are, for the axis ({@code ms}, {@code KB}) */
    public static String svg(String title, List<Point> points, String unit) {
        if (points.isEmpty()) {
            return "";
        }
        double max = 0;
        double min = Double.MAX_VALUE;
        for (Point p : points) {
            max = Math.max(max, p.p95Ms().orElse(p.medianMs()));
            max = Math.max(max, p.medianMs());
            min = Math.min(min, p.medianMs());
        }
        double lo = Math.max(0, min - (max - min) * 0.15);
        double hi = max <= lo ? lo + 1 : max + (max - lo) * 0.08;
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg class=\"plot trend\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"100%\" role=\"img\" aria-label=\"").append(Escaping.html(title)).append("\">");
        s.append("<title>").append(Escaping.html(title)).append("</title>");
        // axis: three labelled levels
        for (int i = 0; i <= 2; i++) {
            double v = lo + (hi - lo) * i / 2;
            double y = y(v, lo, hi);
            s.append("<line x1=\"").append(LEFT).append("\" x2=\"").append(RIGHT).append("\" y1=\"").append(f(y))
                    .append("\" y2=\"").append(f(y)).append("\" stroke=\"#d0d7de\" stroke-width=\"1\"/>");
            s.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(f(y + 4))
                    .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">")
                    .append(Escaping.html(number(v) + " " + unit)).append("</text>");
        }
        int n = points.size();
        // the p95 band: from the median up to the p95, where the history has one
        StringBuilder upper = new StringBuilder();
        StringBuilder lower = new StringBuilder();
        boolean band = points.stream().allMatch(p -> p.p95Ms().isPresent());
        if (band) {
            for (int i = 0; i < n; i++) {
                upper.append(i == 0 ? "M" : "L").append(f(x(i, n))).append(',').append(f(y(points.get(i).p95Ms().get(), lo, hi)));
            }
            for (int i = n - 1; i >= 0; i--) {
                lower.append('L').append(f(x(i, n))).append(',').append(f(y(points.get(i).medianMs(), lo, hi)));
            }
            s.append("<path d=\"").append(upper).append(lower).append("Z\" fill=\"#0969da\" fill-opacity=\"0.12\"/>");
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < n; i++) {
            line.append(i == 0 ? "M" : "L").append(f(x(i, n))).append(',').append(f(y(points.get(i).medianMs(), lo, hi)));
        }
        s.append("<path d=\"").append(line).append("\" fill=\"none\" stroke=\"#57606a\" stroke-width=\"1.5\"/>");
        for (int i = 0; i < n; i++) {
            Point p = points.get(i);
            double r = p.mark() == Mark.PASSED ? 3 : 5;
            s.append("<circle cx=\"").append(f(x(i, n))).append("\" cy=\"").append(f(y(p.medianMs(), lo, hi)))
                    .append("\" r=\"").append(f(r)).append("\" fill=\"").append(p.mark().color).append("\"><title>")
                    .append(Escaping.html(p.hover() + " · median " + number(p.medianMs()) + " " + unit
                            + p.p95Ms().map(q -> ", p95 " + number(q) + " " + unit).orElse("")))
                    .append("</title></circle>");
        }
        s.append("<text x=\"").append(LEFT).append("\" y=\"").append(BOTTOM + 22)
                .append("\" font-size=\"11\" fill=\"#57606a\">").append(Escaping.html("oldest of " + n + " deploys"))
                .append("</text><text x=\"").append(RIGHT).append("\" y=\"").append(BOTTOM + 22)
                .append("\" text-anchor=\"end\" font-size=\"11\" fill=\"#57606a\">newest</text>");
        s.append("</svg>");
        return s.toString();
    }

    private static double x(int i, int n) {
        return n == 1 ? (LEFT + RIGHT) / 2.0 : LEFT + (RIGHT - LEFT) * (double) i / (n - 1);
    }

    private static double y(double v, double lo, double hi) {
        return BOTTOM - (BOTTOM - TOP) * (v - lo) / (hi - lo);
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String number(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
