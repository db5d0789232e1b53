package dev.gate.report;

import dev.gate.io.AtomicFiles;
import dev.gate.run.RunRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every file report of a run, from its record alone: {@code result.json}, {@code junit.xml},
 * {@code report.html} and {@code summary.md}, each written atomically, then the GitHub Actions
 * outputs when running there.
 *
 * <p>The record goes first: it is the evidence, and every report can be rendered again from it.
 * A report that cannot be rendered or written does not stop the others; the failure is reported
 * once all were tried, so that the caller blocks (a run must not pass without its evidence) with
 * as much of it on disk as possible.
 */
public final class Reports {
    private Reports() {
    }

    /**
     * @param env the process environment ({@code GITHUB_ACTIONS}, {@code GITHUB_OUTPUT}, ...)
     * @param out where workflow commands go: the standard output GitHub reads
     * @throws IOException naming every file that could not be written
     */
    public static void writeAll(RunRecord record, Path runDir, Map<String, String> env, PrintStream out)
            throws IOException {
        RunOutput.write(record, runDir);
        List<String> problems = new ArrayList<>();
        write(runDir, JUnitReport.FILE, () -> JUnitReport.render(record), problems);
        write(runDir, HtmlReport.FILE, () -> HtmlReport.render(record, ArtifactLinks.in(runDir)), problems);
        String markdown = write(runDir, MarkdownSummary.FILE, () -> MarkdownSummary.render(record, runDir.toString()),
                problems);
        try {
            // the outputs matter more than the summary: a later step branches on them
            new GitHubActions(env).publish(record, markdown.isEmpty() ? fallbackSummary(record) : markdown, runDir, out);
        } catch (IOException e) {
            problems.add("the GitHub Actions outputs: " + message(e));
        }
        if (!problems.isEmpty()) {
            throw new IOException("could not write " + String.join("; ", problems));
        }
    }

    /** Renders and writes one report; returns what was rendered, or "" when that failed. */
    private static String write(Path runDir, String name, Supplier<String> render, List<String> problems) {
        String text = "";
        try {
            text = render.get();
            AtomicFiles.write(runDir.resolve(name), text);
        } catch (IOException e) {
            problems.add(name + ": " + message(e));
        } catch (RuntimeException e) {
            // a rendering bug must not cost the other reports
            problems.add(name + ": rendering failed: " + message(e));
            text = "";
        }
        return text;
    }

    private static String fallbackSummary(RunRecord r) {
        return "## " + r.verdict().name() + "\n\n" + Escaping.markdown(r.reason()) + "\n";
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
