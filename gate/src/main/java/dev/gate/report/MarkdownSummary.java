package dev.gate.report;

import static dev.gate.report.Escaping.markdownCell;

import dev.gate.checks.Artifact;
import dev.gate.checks.Status;
import dev.gate.run.ActionRecord;
import dev.gate.checks.CheckResult;
import dev.gate.checks.commit.CommitId;
import dev.gate.run.RollbackState;
import dev.gate.run.RunRecord;
import java.util.List;
import java.util.Optional;

/**
 * {@code summary.md}: the run in the Markdown GitHub renders (a job's step summary, a pull-request
 * comment): the verdict, a row per check with its one-line reason, the latency table, the commits
 * and where the rest is. Short on purpose: screenshots and plots are in {@code report.html}.
 */
public final class MarkdownSummary {
    public static final String FILE = "summary.md";

    private MarkdownSummary() {
    }

    /** @param runDir the run folder as a reader should find it (a path or an artifact name) */
    public static String render(RunRecord r, String runDir) {
        StringBuilder s = new StringBuilder(4096);
        s.append("## ").append(icon(r)).append(' ').append(r.verdict().name()).append(": ").append(headline(r))
                .append("\n\n");
        s.append(Escaping.markdown(r.reason()).replace("\n", " ")).append("\n\n");
        s.append("**").append(Escaping.markdown(r.suite().name())).append("** · ").append(Escaping.markdown(r.target()))
                .append(" · ").append(ReportFormat.time(r.startedAt())).append(" · took ")
                .append(ReportFormat.duration(r.finishedAt().toEpochMilli() - r.startedAt().toEpochMilli()))
                .append(" · exit ").append(r.exitStatus());
        r.shard().ifPresent(v -> s.append(" · shard ").append(Escaping.markdown(v)));
        if (r.interrupted()) {
            s.append(" · **interrupted**");
        }
        s.append("\n\n");
        commits(s, r);
        checks(s, r.checks());
        latency(s, r.checks());
        actions(s, r.actions());
        files(s, r, runDir);
        return s.toString();
    }

    private static void commits(StringBuilder s, RunRecord r) {
        s.append("| expected | observed | previous | release |\n| --- | --- | --- | --- |\n");
        s.append("| ").append(commit(r.expectedCommit())).append(" | ").append(r.observedCommit().map(MarkdownSummary::commit).orElse("–"))
                .append(" | ").append(r.previousCommit().map(MarkdownSummary::commit).orElse("–"))
                .append(" | ").append(markdownCell(r.release().name())).append(" |\n\n");
    }

    private static void checks(StringBuilder s, List<CheckResult> checks) {
        s.append("### Checks\n\n| status | check | kind | reason | time |\n| --- | --- | --- | --- | ---: |\n");
        checks.stream().sorted((a, b) -> HtmlParts.WORST_FIRST.compare(a.status(), b.status())).forEach(c -> {
            String reason = markdownCell(c.summary());
            if (!c.playbook().isEmpty() && c.status() != Status.PASS) {
                reason += " · runbook " + code("playbooks/" + c.playbook() + ".md");
            }
            s.append("| ").append(status(c.status())).append(" | ").append(markdownCell(c.id()))
                    .append(" | ").append(markdownCell(c.kind())).append(" | ").append(reason)
                    .append(" | ").append(ReportFormat.duration(c.duration().toMillis())).append(" |\n");
        });
        s.append('\n');
    }

    private static void latency(StringBuilder s, List<CheckResult> checks) {
        List<LatencyFigures> figures = checks.stream().map(LatencyFigures::of).flatMap(Optional::stream).toList();
        if (figures.isEmpty()) {
            return;
        }
        s.append("### Latency\n\n| endpoint | status | baseline p50 / p95 | current p50 / p95 | ratio (CI) | p |\n")
                .append("| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (LatencyFigures f : figures) {
            s.append("| ").append(markdownCell(f.id())).append(" | ").append(status(f.status()))
                    .append(" | ").append(ReportFormat.ms(f.baselineP50())).append(" / ").append(ReportFormat.ms(f.baselineP95()))
                    .append(" | ").append(ReportFormat.ms(f.currentP50())).append(" / ").append(ReportFormat.ms(f.currentP95()))
                    .append(" | ").append(ReportFormat.ratioWithInterval(f.ratio(), f.ratioLow(), f.ratioHigh()))
                    .append(" | ").append(ReportFormat.pValue(f.pValue()).replace("<", "&lt;")).append(" |\n");
        }
        s.append('\n');
    }

    private static void actions(StringBuilder s, List<ActionRecord> actions) {
        if (actions.isEmpty()) {
            return;
        }
        s.append("### Actions\n\n");
        for (ActionRecord a : actions) {
            s.append("- **").append(Escaping.markdown(a.kind())).append("** ").append(Escaping.markdown(a.outcome()))
                    .append(": ").append(markdownCell(a.summary()));
            a.data().forEach((k, v) -> s.append(" · ").append(Escaping.markdown(k)).append(' ').append(code(v)));
            s.append('\n');
        }
        s.append('\n');
    }

    private static void files(StringBuilder s, RunRecord r, String runDir) {
        s.append("### Files\n\nRun folder ").append(code(runDir)).append(": ")
                .append("`report.html` (screenshots, plots, every detail), `junit.xml`, `result.json`.\n");
        for (CheckResult c : r.checks()) {
            for (Artifact a : c.artifacts()) {
                s.append("- ").append(markdownCell(c.id())).append(' ').append(markdownCell(a.kind())).append(": ")
                        .append(code(a.path())).append('\n');
            }
        }
    }

    private static String headline(RunRecord r) {
        return switch (r.verdict()) {
            case PASS -> "release verified";
            case WARN -> "release verified, with warnings";
            case BLOCK -> r.rollbackState() == RollbackState.NOT_CONFIRMED ? "deploy blocked, and the rollback failed: a person is needed now"
                    : "deploy blocked";
        };
    }

    private static String icon(RunRecord r) {
        return switch (r.verdict()) {
            case PASS -> "✅";
            case WARN -> "⚠️";
            case BLOCK -> "⛔";
        };
    }

    static String status(Status s) {
        return switch (s) {
            case PASS -> "✅ PASS";
            case SKIPPED -> "⏭️ SKIPPED";
            case WARN -> "⚠️ WARN";
            case FAIL -> "❌ FAIL";
            case ERROR -> "❗ ERROR";
        };
    }

    private static String commit(CommitId commit) {
        return code(commit.shortHex());
    }

    /**
     * A code span for paths and commits: backticks cannot be escaped inside one, so they become
     * quotes; a {@code |} must still be escaped, since GitHub splits table cells before code spans.
     */
    private static String code(String s) {
        String clean = s.replace('`', '\'').replace("|", "\\|").replaceAll("[\\r\\n]+", " ");
        return "`" + clean + "`";
    }
}
