package dev.gate.report;

import static dev.gate.report.HtmlParts.h;

import dev.gate.checks.Status;
import dev.gate.checks.CheckResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks in the HTML report: a card per check that needs attention (failures and errors
 * first, then warnings), the table of every check, and the remaining facts of the checks that
 * passed, folded away. Each check has one place it is shown in full; the table links to it.
 */
final class HtmlChecks {
    private HtmlChecks() {
    }

    static boolean needsAttention(CheckResult c) {
        return c.status() != Status.PASS;
    }

    static String attention(List<CheckResult> problems, ArtifactLinks links) {
        if (problems.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<section id=\"attention\"><h2>Needs attention <span class=\"count\">")
                .append(problems.size()).append("</span></h2>");
        for (CheckResult c : problems) {
            s.append("<article class=\"card ").append(HtmlParts.cssClass(c.status())).append("\" id=\"")
                    .append(HtmlParts.anchor("check-", c.id())).append("\">");
            String shot = HtmlPages.isPage(c) ? HtmlPages.screenshot(c, links, "thumb") : "";
            s.append("<div class=\"card-main\">");
            s.append(head(c));
            s.append("<p class=\"summary\">").append(h(c.summary())).append("</p>");
            if (HtmlPages.isPage(c)) {
                s.append(HtmlPages.titleLine(c)).append(HtmlPages.metrics(c));
            }
            s.append(HtmlParts.detailLines(c.details()));
            if (!HtmlPages.isPage(c) && !LatencyFigures.KIND.equals(c.kind()) && !MetricPlot.plots(c)
                    && !c.metrics().isEmpty()) {
                s.append("<details class=\"fold-inline\"><summary>metrics</summary>").append(metricTable(c.metrics()))
                        .append("</details>");
            }
            s.append(foot(c));
            s.append("</div>");
            if (!shot.isEmpty()) {
                s.append("<div class=\"card-side\">").append(shot).append("</div>");
            }
            LatencyFigures.of(c).filter(LatencyFigures::hasSamples)
                    .ifPresent(f -> s.append("<div class=\"card-plot\">").append(LatencyPlot.svg(f)).append("</div>"));
            MetricPlot.card(c).ifPresent(s::append);
            s.append("</article>");
        }
        return s.append("</section>").toString();
    }

    static String table(List<CheckResult> sorted, Set<String> anchored) {
        StringBuilder s = new StringBuilder("<section id=\"checks\"><h2>Checks <span class=\"count\">")
                .append(sorted.size()).append("</span></h2>")
                .append("<table class=\"checks\"><thead><tr><th>Status</th><th>Check</th><th>Kind</th>")
                .append("<th>Summary</th><th class=\"r\">Time</th><th>Runbook</th></tr></thead><tbody>");
        for (CheckResult c : sorted) {
            s.append("<tr class=\"").append(HtmlParts.cssClass(c.status())).append("\"><td>")
                    .append(HtmlParts.chip(c.status())).append("</td><td>");
            if (anchored.contains(c.id())) {
                s.append("<a class=\"cid\" href=\"#").append(HtmlParts.anchor("check-", c.id())).append("\">")
                        .append(h(c.id())).append("</a>");
            } else {
                s.append("<span class=\"cid\">").append(h(c.id())).append("</span>");
            }
            if (!c.name().isEmpty() && !c.name().equals(c.id())) {
                s.append("<div class=\"muted small\">").append(h(c.name())).append("</div>");
            }
            s.append("</td><td><span class=\"kind\">").append(h(c.kind())).append("</span></td><td>").append(h(c.summary()))
                    .append("</td><td class=\"r nowrap\">").append(h(ReportFormat.duration(c.duration().toMillis())))
                    .append("</td><td>").append(c.playbook().isEmpty() || c.status() == Status.PASS ? ""
                            : HtmlParts.runbookLink(c.playbook()))
                    .append("</td></tr>");
        }
        return s.append("</tbody></table></section>").toString();
    }

    /** Checks shown nowhere else in full: their details, metrics and files, folded. */
    static String rest(List<CheckResult> rest) {
        List<CheckResult> shown = rest.stream()
                .filter(c -> !c.details().isEmpty() || !c.metrics().isEmpty() || !c.artifacts().isEmpty()).toList();
        if (shown.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<section id=\"more\"><h2>What the other checks saw</h2>");
        for (CheckResult c : shown) {
            s.append("<details class=\"fold\" id=\"").append(HtmlParts.anchor("check-", c.id())).append("\"><summary>")
                    .append(HtmlParts.chip(c.status())).append(" <strong class=\"cid\">").append(h(c.id()))
                    .append("</strong> <span class=\"muted\">").append(h(c.summary())).append("</span></summary>")
                    .append(HtmlParts.detailLines(c.details())).append(metricTable(c.metrics()))
                    .append(HtmlParts.artifactLinks(c.artifacts())).append("</details>");
        }
        return s.append("</section>").toString();
    }

    private static String head(CheckResult c) {
        StringBuilder s = new StringBuilder("<div class=\"card-head\">").append(HtmlParts.chip(c.status()))
                .append(" <strong class=\"cid\">").append(h(c.id())).append("</strong> <span class=\"kind\">")
                .append(h(c.kind())).append("</span>");
        if (!c.name().isEmpty() && !c.name().equals(c.id())) {
            s.append(" <span class=\"muted\">").append(h(c.name())).append("</span>");
        }
        return s.append(" <span class=\"dur\">").append(h(ReportFormat.duration(c.duration().toMillis()))).append("</span></div>")
                .toString();
    }

    private static String foot(CheckResult c) {
        StringBuilder s = new StringBuilder();
        if (!c.playbook().isEmpty()) {
            s.append("<div class=\"runbook\">Runbook: ").append(HtmlParts.runbookLink(c.playbook())).append("</div>");
        }
        s.append(HtmlParts.artifactLinks(c.artifacts()));
        return s.toString();
    }

    private static String metricTable(Map<String, Object> metrics) {
        if (metrics.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<table class=\"kv\">");
        metrics.forEach((k, v) -> s.append("<tr><th>").append(h(k)).append("</th><td>")
                .append(h(ReportFormat.metric(v))).append("</td></tr>"));
        return s.append("</table>").toString();
    }
}
