package dev.gate.history;

import dev.gate.report.Escaping;
import dev.gate.report.TrendPlot;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code gate history --html}: one self-contained page with a trend per latency endpoint and the
 * page weight per key page. Everything from the history is escaped.
 */
public final class HistoryPage {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String CSS = "body{font:14px/1.45 system-ui,-apple-system,Segoe UI,sans-serif;margin:24px auto;"
            + "max-width:820px;color:#1f2328}h1{font-size:20px}h2{font-size:16px;margin-top:28px}"
            + ".legend span{margin-right:14px}.dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:4px}"
            + "table{border-collapse:collapse;font-size:13px}td,th{padding:3px 8px;border-bottom:1px solid #d0d7de;text-align:left}";

    private HistoryPage() {
    }

    public static String html(HistoryView view) {
        StringBuilder s = new StringBuilder(16384);
        s.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Escaping.html(view.suite() + " · deploy history · gate")).append("</title><style>").append(CSS)
                .append("</style></head><body>");
        s.append("<h1>").append(Escaping.html(view.suite())).append(": the last ").append(view.deploys().size())
                .append(" deploys</h1><p>").append(Escaping.html("From " + view.database() + "."))
                .append("</p><p class=\"legend\">")
                .append("<span><i class=\"dot\" style=\"background:#1a7f37\"></i>passed</span>")
                .append("<span><i class=\"dot\" style=\"background:#cf222e\"></i>blocked</span>")
                .append("<span><i class=\"dot\" style=\"background:#bc4c00\"></i>rolled back</span>")
                .append("<span>band: median to p95 · hover a point for its commit</span></p>");
        for (String endpoint : view.endpoints()) {
            List<TrendPlot.Point> points = new ArrayList<>();
            String label = endpoint;
            for (Deploy d : view.deploys()) {
                EndpointStats e = d.endpoints().get(endpoint);
                if (e != null) {
                    label = e.label();
                    points.add(new TrendPlot.Point(e.medianMs(), Optional.of(e.p95Ms()), mark(d), hover(d)));
                }
            }
            s.append("<h2>").append(Escaping.html(label)).append("</h2>");
            s.append(TrendPlot.svg(label + ": median and p95 across deploys", points, "ms"));
        }
        List<String> pages = view.pages();
        if (!pages.isEmpty()) {
            s.append("<h2>Page weight</h2>");
        }
        for (String page : pages) {
            List<TrendPlot.Point> points = new ArrayList<>();
            for (Deploy d : view.deploys()) {
                PageStats p = d.pages().get(page);
                if (p != null && p.bytes().isPresent()) {
                    points.add(new TrendPlot.Point(p.bytes().get() / 1024.0, Optional.empty(), mark(d), hover(d) + weights(p)));
                }
            }
            s.append("<h3>").append(Escaping.html(page)).append("</h3>");
            s.append(TrendPlot.svg(page + ": bytes transferred across deploys", points, "KB"));
        }
        s.append("<h2>Deploys</h2><table><tr><th>when</th><th>commit</th><th>verdict</th><th>reason</th></tr>");
        for (Deploy d : view.deploys()) {
            s.append("<tr><td>").append(Escaping.html(DAY.format(d.finishedAt()))).append("</td><td>")
                    .append(Escaping.html(d.shortCommit())).append("</td><td>").append(Escaping.html(d.verdict().orElse("-")
                            + (d.rolledBack() ? ", rolled back" : ""))).append("</td><td>").append(Escaping.html(d.reason()))
                    .append("</td></tr>");
        }
        s.append("</table><footer><p>Rendered by gate history.</p></footer></body></html>\n");
        return s.toString();
    }

    private static TrendPlot.Mark mark(Deploy d) {
        if (d.rolledBack()) {
            return TrendPlot.Mark.ROLLED_BACK;
        }
        return d.blocked() ? TrendPlot.Mark.BLOCKED : TrendPlot.Mark.PASSED;
    }

    private static String hover(Deploy d) {
        return d.shortCommit() + " · " + DAY.format(d.finishedAt()) + d.subject().map(s -> " · " + s).orElse("")
                + " · " + d.verdict().orElse("-") + (d.rolledBack() ? ", rolled back" : "");
    }

    private static String weights(PageStats p) {
        StringBuilder s = new StringBuilder();
        p.byType().forEach((type, w) -> s.append(" · ").append(type).append(' ').append(w.bytes() / 1024).append(" KB in ")
                .append(w.requests()).append(w.requests() == 1 ? " request" : " requests"));
        return s.toString();
    }
}
