package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.run.RunRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportsTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);

    private static String[] files(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void theRecordAndEveryReportAreWrittenAndNothingElse() throws Exception {
        Reports.writeAll(SampleRuns.blocked(), dir, Map.of(), out);

        assertThat(files(dir)).containsExactly("junit.xml", "report.html", "result.json", "summary.md");
        assertThat(stdout.size()).as("nothing printed outside GitHub Actions").isZero();
    }

    @Test
    void reportsRenderedAgainFromTheRecordOnDiskAreTheSame() throws Exception {
        RunRecord record = SampleRuns.blocked();
        Reports.writeAll(record, dir, Map.of(), out);

        RunRecord reread = RunOutput.read(dir.resolve(RunOutput.RESULT));

        assertThat(HtmlReport.render(reread, ArtifactLinks.in(dir))).isEqualTo(Files.readString(dir.resolve("report.html")));
        assertThat(JUnitReport.render(reread)).isEqualTo(Files.readString(dir.resolve("junit.xml")));
        assertThat(MarkdownSummary.render(reread, dir.toString())).isEqualTo(Files.readString(dir.resolve("summary.md")));
    }

    @Test
    void inGitHubActionsTheOutputsFollowTheFiles() throws Exception {
        Path output = dir.resolve("gh/output");
        Path summary = dir.resolve("gh/summary");
        Files.createDirectories(output.getParent());
        Path run = dir.resolve("run");

        Reports.writeAll(SampleRuns.passed(), run, Map.of("GITHUB_ACTIONS", "true", "GITHUB_OUTPUT", output.toString(),
                "GITHUB_STEP_SUMMARY", summary.toString()), out);

        assertThat(Files.readString(summary)).isEqualTo(Files.readString(run.resolve("summary.md")) + "\n");
        assertThat(Files.readString(output)).startsWith("verdict<<GATE_EOF\nPASS\nGATE_EOF\nexit-code<<GATE_EOF\n0\n");
    }

    @Test
    void aFailingOutputIsReportedAfterEveryFileIsWritten() throws Exception {
        Path notAFile = dir.resolve("output-is-a-folder");
        Files.createDirectories(notAFile);
        Path run = dir.resolve("run");

        assertThatThrownBy(() -> Reports.writeAll(SampleRuns.passed(), run,
                Map.of("GITHUB_ACTIONS", "true", "GITHUB_OUTPUT", notAFile.toString()), out))
                .isInstanceOf(java.io.IOException.class)
                .hasMessage("could not write the GitHub Actions outputs: FileSystemException: " + notAFile + ": Is a directory");
        assertThat(files(run)).containsExactly("junit.xml", "report.html", "result.json", "summary.md");
    }
}
