package dev.gate.report;

import dev.gate.checks.Status;
import dev.gate.checks.CheckResult;
import dev.gate.checks.commit.CommitId;
import dev.gate.run.RunRecord;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run as GitHub Actions shows it, when {@code GITHUB_ACTIONS=true}: the Markdown summary on the
 * job's page ({@code $GITHUB_STEP_SUMMARY}), an annotation per failing check and per warning
 * (workflow commands on stdout), and step outputs a later step can branch on
 * ({@code $GITHUB_OUTPUT}: {@code verdict}, {@code exit-code}, {@code observed-commit},
 * {@code report-dir}). The environment is a parameter, so tests point it at their own files.
 */
public final class GitHubActions {
    /** GitHub refuses a step summary over 1 MiB; stay well below it. */
    static final int SUMMARY_LIMIT_BYTES = 1_000_000;

    private final Map<String, String> env;

    public GitHubActions(Map<String, String> env) {
        this.env = env;
    }

    public boolean enabled() {
        return "true".equals(env.get("GITHUB_ACTIONS"));
    }

    /** Publishes the run; does nothing outside GitHub Actions. */
    public void publish(RunRecord record, String summaryMarkdown, Path runDir, PrintStream out) throws IOException {
        if (!enabled()) {
            return;
        }
        annotate(record, out);
        String summaryFile = env.getOrDefault("GITHUB_STEP_SUMMARY", "");
        if (!summaryFile.isEmpty()) {
            append(Path.of(summaryFile), stepSummary(summaryMarkdown));
        }
        String outputFile = env.getOrDefault("GITHUB_OUTPUT", "");
        if (!outputFile.isEmpty()) {
            Map<String, String> outputs = new LinkedHashMap<>();
            outputs.put("verdict", record.verdict().name());
            outputs.put("exit-code", String.valueOf(record.exitStatus()));
            outputs.put("observed-commit", record.observedCommit().map(CommitId::hex).orElse(""));
            outputs.put("report-dir", runDir.toString());
            StringBuilder s = new StringBuilder();
            outputs.forEach((k, v) -> s.append(output(k, v)));
            append(Path.of(outputFile), s.toString());
        }
    }

    /** {@code ::error} per FAIL and ERROR, {@code ::warning} per WARN, titled by the check id. */
    void annotate(RunRecord record, PrintStream out) {
        for (CheckResult c : record.checks()) {
            String command = c.status().isProblem() ? "error" : c.status() == Status.WARN ? "warning" : null;
            if (command != null) {
                out.println("::" + command + " title=" + Escaping.workflowProperty(c.id()) + "::"
                        + Escaping.workflowMessage(c.summary()));
            }
        }
        out.flush();
    }

    /**
     * One output in the multi-line form ({@code name<<DELIMITER}), which is safe for any value: the
     * delimiter is chosen so that it appears nowhere in the value.
     */
    static String output(String name, String value) {
        String delimiter = "GATE_EOF";
        for (int i = 1; value.contains(delimiter); i++) {
            delimiter = "GATE_EOF_" + i;
        }
        return name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
    }

    private String stepSummary(String markdown) {
        StringBuilder s = new StringBuilder(markdown);
        String server = env.getOrDefault("GITHUB_SERVER_URL", "");
        String repository = env.getOrDefault("GITHUB_REPOSITORY", "");
        String runId = env.getOrDefault("GITHUB_RUN_ID", "");
        if (!server.isEmpty() && !repository.isEmpty() && !runId.isEmpty()) {
            s.append("\nThe run folder is uploaded with [this workflow run's artifacts](").append(server).append('/')
                    .append(repository).append("/actions/runs/").append(runId).append("#artifacts).\n");
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= SUMMARY_LIMIT_BYTES) {
            return s.append('\n').toString();
        }
        String cut = new String(bytes, 0, SUMMARY_LIMIT_BYTES - 200, StandardCharsets.UTF_8);
        return cut.substring(0, Math.max(0, cut.lastIndexOf('\n')))
                + "\n\n… cut to fit GitHub's step summary limit; the whole summary is summary.md in the run folder.\n\n";
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
    }
}
