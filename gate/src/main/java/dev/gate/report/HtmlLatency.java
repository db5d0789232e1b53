package dev.gate.report;

import static dev.gate.report.HtmlParts.h;

import java.util.List;

/**
 * Latency in the HTML report: one table comparing every endpoint (the numbers to quote), and a plot
 * per endpoint (the shapes behind them). Endpoints with a problem card carry their plot there.
 */
final class HtmlLatency {
    private HtmlLatency() {
    }

    static String section(List<LatencyFigures> all, List<LatencyFigures> plotted) {
        if (all.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<section id=\"latency\"><h2>Latency</h2>");
        s.append("<table class=\"checks num\"><thead><tr><th>Status</th><th>Endpoint</th>")
                .append("<th>Baseline p50 / p95</th><th>Current p50 / p95</th><th>Change (CI)</th><th>p</th>")
                .append("<th>Samples</th></tr></thead><tbody>");
        for (LatencyFigures f : all) {
            s.append("<tr class=\"").append(HtmlParts.cssClass(f.status())).append("\"><td>")
                    .append(HtmlParts.chip(f.status())).append("</td><td><a href=\"#")
                    .append(HtmlParts.anchor("check-", f.id())).append("\" class=\"cid\">").append(h(f.id())).append("</a>");
            if (!f.name().isEmpty() && !f.name().equals(f.id())) {
                s.append("<div class=\"muted small\">").append(h(f.name())).append("</div>");
            }
            s.append("</td><td>").append(pair(f.baselineP50(), f.baselineP95()))
                    .append("</td><td>").append(pair(f.currentP50(), f.currentP95()))
                    .append("</td><td>").append(h(ReportFormat.ratioWithInterval(f.ratio(), f.ratioLow(), f.ratioHigh())))
                    .append("</td><td>").append(h(ReportFormat.pValue(f.pValue())))
                    .append("</td><td>").append(f.baseline().size()).append(" / ").append(f.current().size())
                    .append("</td></tr>");
        }
        s.append("</tbody></table>");
        for (LatencyFigures f : plotted) {
            s.append("<figure class=\"plot-card\" id=\"").append(HtmlParts.anchor("check-", f.id())).append("\">")
                    .append("<figcaption>").append(HtmlParts.chip(f.status())).append(" <strong class=\"cid\">")
                    .append(h(f.id())).append("</strong> <span class=\"muted\">").append(h(f.name()))
                    .append("</span> <span class=\"effect\">")
                    .append(h(ReportFormat.ratioWithInterval(f.ratio(), f.ratioLow(), f.ratioHigh())))
                    .append("</span></figcaption>")
                    .append(LatencyPlot.svg(f)).append("</figure>");
        }
        return s.append("</section>").toString();
    }

    private static String pair(java.util.OptionalDouble p50, java.util.OptionalDouble p95) {
        return h(ReportFormat.ms(p50)) + " <span class=\"muted\">/</span> " + h(ReportFormat.ms(p95));
    }
}
