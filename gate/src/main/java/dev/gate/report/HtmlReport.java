package dev.gate.report;

import static dev.gate.report.HtmlParts.h;

import dev.gate.checks.Artifact;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.Liveness;
import dev.gate.run.ActionRecord;
import dev.gate.run.RollbackState;
import dev.gate.checks.CheckResult;
import dev.gate.run.RunRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code report.html}: the run for a person, in one file that opens from disk with no network. No
 * script at all, and a Content-Security-Policy that would refuse one anyway; styles inline; the only
 * outside references are relative links into the run folder. Everything that came from the site or
 * the suite is escaped by {@link Escaping}.
 *
 * <p>Order follows what an on-call engineer asks: did it pass, what was done about it (rollback),
 * which release is live, what is wrong and why, then everything else.
 */
public final class HtmlReport {
    public static final String FILE = "report.html";
    /** Scripts, frames, fonts and fetches refused; images only from the folder or embedded. */
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: file:; "
            + "base-uri 'none'; form-action 'none'";
    private static final String CSS = css();

    private HtmlReport() {
    }

    public static String render(RunRecord r, ArtifactLinks links) {
        List<CheckResult> sorted = r.checks().stream()
                .sorted((a, b) -> HtmlParts.WORST_FIRST.compare(a.status(), b.status())).toList();
        List<CheckResult> attention = sorted.stream().filter(HtmlChecks::needsAttention).toList();
        List<CheckResult> calm = sorted.stream().filter(c -> !HtmlChecks.needsAttention(c)).toList();
        List<CheckResult> pages = calm.stream().filter(HtmlPages::isPage).toList();
        List<LatencyFigures> latency = sorted.stream().map(LatencyFigures::of).flatMap(Optional::stream).toList();
        List<LatencyFigures> plotted = latency.stream().filter(f -> f.status() == Status.PASS).toList();
        List<CheckResult> metrics = calm.stream().filter(MetricPlot::plots).toList();
        List<CheckResult> rest = calm.stream()
                .filter(c -> !HtmlPages.isPage(c) && LatencyFigures.of(c).isEmpty() && !MetricPlot.plots(c)).toList();

        Set<String> anchored = new HashSet<>();
        attention.forEach(c -> anchored.add(c.id()));
        pages.forEach(c -> anchored.add(c.id()));
        plotted.forEach(f -> anchored.add(f.id()));
        metrics.forEach(c -> anchored.add(c.id()));
        rest.stream().filter(c -> !c.details().isEmpty() || !c.metrics().isEmpty() || !c.artifacts().isEmpty())
                .forEach(c -> anchored.add(c.id()));

        StringBuilder s = new StringBuilder(32_768);
        s.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(POLICY).append("\">")
                .append("<meta name=\"generator\" content=\"gate ").append(h(r.gateVersion())).append("\">")
                .append("<title>").append(r.verdict().name()).append(" · ").append(h(r.suite().name()))
                .append(" · gate</title><style>").append(CSS).append("</style></head>\n<body>");
        s.append(banner(r));
        s.append("<main>");
        s.append(actions(r.actions()));
        s.append(commits(r));
        s.append(HtmlChecks.attention(attention, links));
        s.append(HtmlChecks.table(sorted, anchored));
        s.append(HtmlPages.section(pages, links));
        s.append(HtmlLatency.section(latency, plotted));
        s.append(HtmlTrends.section(r.checks()));
        s.append(MetricPlot.section(metrics));
        s.append(HtmlChecks.rest(rest));
        s.append(files(r));
        s.append("</main><footer>Rendered by gate ").append(h(r.gateVersion())).append(" from <a href=\"")
                .append(RunOutput.RESULT).append("\">").append(RunOutput.RESULT).append("</a> (")
                .append(h(r.schema())).append(")</footer></body></html>\n");
        return s.toString();
    }

    private static String banner(RunRecord r) {
        String headline = switch (r.verdict()) {
            case PASS -> "Release verified";
            case WARN -> "Release verified, with warnings";
            case BLOCK -> r.rollbackState() == RollbackState.NOT_CONFIRMED ? "Deploy blocked, and the rollback did not restore the previous release"
                    : "Deploy blocked";
        };
        StringBuilder s = new StringBuilder("<header class=\"banner ")
                .append(r.verdict().name().toLowerCase(Locale.ROOT)).append("\"><div class=\"banner-in\">")
                .append("<div class=\"verdict-row\"><span class=\"verdict\">").append(r.verdict().name())
                .append("</span><span class=\"headline\">").append(h(headline)).append("</span></div>")
                .append("<p class=\"reason\">").append(h(r.reason())).append("</p><p class=\"meta\">")
                .append("<b>").append(h(r.suite().name())).append("</b> · ").append(target(r.target()))
                .append(" · ").append(h(ReportFormat.time(r.startedAt())))
                .append(" · took ").append(h(ReportFormat.duration(r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli())))
                .append(" · exit ").append(r.exitStatus());
        r.shard().ifPresent(v -> s.append(" · shard ").append(h(v)));
        if (r.interrupted()) {
            s.append(" · <b>interrupted before it finished</b>");
        }
        return s.append("</p></div></header>").toString();
    }

    private static String target(String target) {
        String lower = target.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return "<a href=\"" + h(target) + "\">" + h(target) + "</a>";
        }
        return h(target);
    }

    private static String commits(RunRecord r) {
        boolean matches = r.observedCommit().map(o -> o.sameCommitAs(r.expectedCommit())).orElse(false);
        StringBuilder s = new StringBuilder("<section id=\"commits\" class=\"commits\">");
        s.append(commit("Expected", Optional.of(r.expectedCommit()), "", "the commit the pipeline deployed"));
        s.append(commit("Observed", r.observedCommit(), matches ? "ok" : "bad",
                matches ? "the site serves the expected commit" : "not the expected commit"));
        s.append(commit("Previous", r.previousCommit(), "", "live before the deploy"));
        s.append("<div class=\"commit\"><div class=\"k\">Release</div><div class=\"v\">")
                .append(h(release(r.release()))).append("</div><div class=\"muted small\">")
                .append(h(r.release().name())).append("</div></div>");
        return s.append("</section>").toString();
    }

    private static String commit(String label, Optional<CommitId> value, String state, String note) {
        return "<div class=\"commit " + state + "\"><div class=\"k\">" + label + "</div><div class=\"v\"><code title=\""
                + h(value.map(CommitId::hex).orElse("")) + "\">" + h(value.map(CommitId::shortHex).orElse("—"))
                + "</code></div><div class=\"muted small\">" + (value.isPresent() ? h(note) : "not known") + "</div></div>";
    }

    private static String release(Liveness release) {
        return switch (release) {
            case LIVE -> "live";
            case PARTLY_LIVE -> "partly live";
            case NEVER_LIVE -> "never went live";
            case UNKNOWN -> "not known";
        };
    }


    private static String actions(List<ActionRecord> actions) {
        if (actions.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<section id=\"actions\"><h2>What the gate did</h2>");
        for (ActionRecord a : actions) {
            String outcome = a.outcome().toLowerCase(Locale.ROOT);
            s.append("<div class=\"action ").append(outcomeClass(outcome)).append("\"><div class=\"card-head\">")
                    .append("<span class=\"chip ").append(outcomeClass(outcome)).append("\">").append(h(outcome))
                    .append("</span> <strong>").append(h(a.kind())).append("</strong> <span class=\"action-summary\">")
                    .append(h(a.summary())).append("</span> <span class=\"dur\">")
                    .append(h(ReportFormat.time(a.at()))).append("</span></div>");
            if (!a.details().isEmpty() || !a.data().isEmpty()) {
                s.append("<ul class=\"files\">");
                a.details().forEach(d -> s.append("<li><code>").append(h(d)).append("</code></li>"));
                a.data().forEach((k, v) -> s.append("<li><span class=\"k\">").append(h(k)).append("</span> ")
                        .append(looksLikeFile(v) ? HtmlParts.fileLink(v, v) : "<code>" + h(v) + "</code>").append("</li>"));
                s.append("</ul>");
            }
            s.append("</div>");
        }
        return s.append("</section>").toString();
    }

    private static String outcomeClass(String outcome) {
        return switch (outcome) {
            case "succeeded" -> "pass";
            case "failed" -> "fail";
            case "intended" -> "warn";
            default -> "neutral";
        };
    }

    private static boolean looksLikeFile(String v) {
        return v.endsWith(".md") || v.endsWith(".log") || v.endsWith(".txt") || v.endsWith(".json") || v.contains("/");
    }

    private static String files(RunRecord r) {
        StringBuilder s = new StringBuilder("<section id=\"files\"><h2>Files of this run</h2><table class=\"checks\">")
                .append("<thead><tr><th>File</th><th>What</th><th>From</th></tr></thead><tbody>");
        List<String[]> rows = new ArrayList<>();
        for (CheckResult c : r.checks()) {
            for (Artifact a : c.artifacts()) {
                rows.add(new String[] {a.path(), a.kind() + (a.description().isEmpty() ? "" : ": " + a.description()), c.id()});
            }
        }
        for (ActionRecord a : r.actions()) {
            a.data().forEach((k, v) -> {
                if (looksLikeFile(v)) {
                    rows.add(new String[] {v, k, a.kind()});
                }
            });
        }
        rows.add(new String[] {RunOutput.RESULT, "the run record every report is rendered from", "gate"});
        rows.add(new String[] {JUnitReport.FILE, "JUnit XML for CI test views", "gate"});
        rows.add(new String[] {MarkdownSummary.FILE, "the summary in Markdown", "gate"});
        for (String[] row : rows) {
            s.append("<tr><td>").append(HtmlParts.fileLink(row[0], row[0])).append("</td><td>").append(h(row[1]))
                    .append("</td><td class=\"cid\">").append(h(row[2])).append("</td></tr>");
        }
        return s.append("</tbody></table></section>").toString();
    }

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the gate jar; rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
