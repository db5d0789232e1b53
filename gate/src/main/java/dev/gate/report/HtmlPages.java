package dev.gate.report;

import static dev.gate.report.HtmlParts.h;

import dev.gate.checks.Artifact;
import dev.gate.checks.CheckResult;
import dev.gate.checks.page.PageMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Key pages in the HTML report: each page's screenshot, its timings and size, and what went wrong
 * on it. A failing page is shown in its problem card (the evidence next to the finding); the
 * others in a grid of their own.
 */
final class HtmlPages {
    static final String KIND = "page";

    private HtmlPages() {
    }

    static boolean isPage(CheckResult c) {
        return KIND.equals(c.kind());
    }

    /** The grid of pages that have no problem card. */
    static String section(List<CheckResult> pages, ArtifactLinks links) {
        if (pages.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<section id=\"pages\"><h2>Pages</h2><div class=\"grid\">");
        for (CheckResult c : pages) {
            s.append("<article class=\"page-card\" id=\"").append(HtmlParts.anchor("check-", c.id())).append("\">");
            s.append(screenshot(c, links, "shot"));
            s.append("<div class=\"page-body\"><div class=\"card-head\">").append(HtmlParts.chip(c.status()))
                    .append(" <strong class=\"cid\">").append(h(c.id())).append("</strong></div>");
            s.append(titleLine(c));
            if (!c.name().isEmpty()) {
                s.append("<div class=\"muted small\">").append(h(c.name())).append("</div>");
            }
            s.append(metrics(c));
            s.append("<p class=\"summary small\">").append(h(c.summary())).append("</p>");
            s.append(HtmlParts.detailLines(c.details()));
            s.append(HtmlParts.artifactLinks(c.artifacts()));
            s.append("</div></article>");
        }
        return s.append("</div></section>").toString();
    }

    /** Timings and size in one row: what a person compares first. */
    static String metrics(CheckResult c) {
        MetricValues m = new MetricValues(c.metrics());
        List<String> cells = new ArrayList<>();
        m.number(PageMetrics.STATUS).ifPresent(v -> cells.add(cell("status", ReportFormat.number(v))));
        m.number(PageMetrics.TTFB_MS).ifPresent(v -> cells.add(cell("TTFB", ReportFormat.ms(v))));
        m.number(PageMetrics.LCP_MS).ifPresent(v -> cells.add(cell("LCP", ReportFormat.ms(v))));
        m.number(PageMetrics.CLS).ifPresent(v -> cells.add(cell("CLS", String.format(java.util.Locale.ROOT, "%.3f", v))));
        m.number(PageMetrics.REQUESTS).ifPresent(v -> cells.add(cell("requests", ReportFormat.number(v))));
        m.number(PageMetrics.BYTES).ifPresent(v -> cells.add(cell("transferred", ReportFormat.bytes(v))));
        return cells.isEmpty() ? "" : "<div class=\"metrics\">" + String.join("", cells) + "</div>";
    }

    /** The screenshot, embedded when small, linked when not; nothing when the page has none. */
    static String screenshot(CheckResult c, ArtifactLinks links, String cssClass) {
        Optional<Artifact> shot = c.artifacts().stream().filter(a -> a.kind().equals("screenshot")).findFirst();
        if (shot.isEmpty()) {
            return "";
        }
        String path = shot.get().path();
        Optional<String> href = ArtifactLinks.href(path);
        String alt = "screenshot of " + c.id();
        String src = links.embedded(path).or(() -> href).orElse("");
        if (src.isEmpty()) {
            return "";
        }
        String img = "<img class=\"" + cssClass + "\" src=\"" + h(src) + "\" alt=\"" + h(alt) + "\" loading=\"lazy\">";
        return href.map(u -> "<a class=\"shot-link\" href=\"" + h(u) + "\" title=\"open the full screenshot\">" + img + "</a>")
                .orElse(img);
    }

    private static Optional<String> title(CheckResult c) {
        return new MetricValues(c.metrics()).text(PageMetrics.TITLE).filter(t -> !t.isBlank());
    }

    static String titleLine(CheckResult c) {
        return title(c).map(t -> "<div class=\"page-title\"><span class=\"k\">title</span> " + h(t) + "</div>")
                .orElse("");
    }

    private static String cell(String label, String value) {
        return "<div><span class=\"k\">" + h(label) + "</span> <span class=\"v\">" + h(value) + "</span></div>";
    }
}
