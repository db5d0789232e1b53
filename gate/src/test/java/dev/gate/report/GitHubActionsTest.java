package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Status;
import dev.gate.checks.CheckResult;
import dev.gate.run.RunRecord;
import dev.gate.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitHub Actions outputs, with the GITHUB_* files pointing into a temporary folder. */
class GitHubActionsTest {
    @TempDir
    Path dir;
    private Path summary;
    private Path output;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(stdout, true, StandardCharsets.UTF_8);

    @BeforeEach
    void files() throws Exception {
        summary = dir.resolve("step-summary.md");
        output = dir.resolve("output.txt");
        Files.writeString(summary, "# earlier step\n");
        Files.writeString(output, "earlier=1\n");
    }

    private Map<String, String> github() {
        return Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", summary.toString(),
                "GITHUB_OUTPUT", output.toString());
    }

    private String printed() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    @Test
    void outsideGitHubActionsNothingIsWrittenOrPrinted() throws Exception {
        Map<String, String> env = Map.of("GITHUB_STEP_SUMMARY", summary.toString(), "GITHUB_OUTPUT", output.toString());

        new GitHubActions(env).publish(SampleRuns.blocked(), "md", dir.resolve("run"), out);

        assertThat(printed()).isEmpty();
        assertThat(summary).hasContent("# earlier step");
        assertThat(output).hasContent("earlier=1");
    }

    @Test
    void theSummaryIsAppendedToTheStepSummary() throws Exception {
        new GitHubActions(github()).publish(SampleRuns.passed(), "## PASS\n", dir.resolve("run"), out);

        assertThat(Files.readString(summary)).isEqualTo("# earlier step\n## PASS\n\n");
    }

    @Test
    void theSummaryLinksToTheRunsArtifactsWhenGitHubSaysWhereTheyAre() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(github());
        env.put("GITHUB_SERVER_URL", "https://github.com");
        env.put("GITHUB_REPOSITORY", "acme/shop");
        env.put("GITHUB_RUN_ID", "123");

        new GitHubActions(env).publish(SampleRuns.passed(), "## PASS\n", dir.resolve("run"), out);

        assertThat(Files.readString(summary)).isEqualTo("# earlier step\n## PASS\n\nThe run folder is uploaded with "
                + "[this workflow run's artifacts](https://github.com/acme/shop/actions/runs/123#artifacts).\n\n");
    }

    @Test
    void everyFailureAndErrorIsAnErrorAnnotationAndEveryWarningAWarningInTheRunsOrder() throws Exception {
        new GitHubActions(github()).publish(SampleRuns.blocked(), "md", dir.resolve("run"), out);

        assertThat(printed()).isEqualTo("""
                ::error title=checkout::2 console errors and 1 failed same-origin request
                ::error title=orders::could not connect to 127.0.0.1:9 within 10s: connection refused
                ::error title=product-list::34%25 slower than before (×1.34, 99%25 CI 1.25–1.44, p < 0.0001)
                ::warning title=budget-health::p95 281ms is within 10%25 of the 300ms budget
                """);
    }

    @Test
    void aSummaryCannotSmuggleInAWorkflowCommand() throws Exception {
        CheckResult evil = new CheckResult("a:b,c", "api", "n", Status.WARN, "slow\n::add-mask::secret\r\n%0A", List.of(),
                Map.of(), List.of(), "", Duration.ofMillis(1));
        RunRecord record = SampleRuns.record(Verdict.WARN, 0, "w", List.of(evil), List.of());

        new GitHubActions(github()).publish(record, "md", dir.resolve("run"), out);

        assertThat(printed()).isEqualTo("::warning title=a%3Ab%2Cc::slow%0A::add-mask::secret%0D%0A%250A\n");
    }

    @Test
    void theOutputsAreWrittenInTheMultiLineForm() throws Exception {
        new GitHubActions(github()).publish(SampleRuns.blocked(), "md", dir.resolve("runs/r1"), out);

        assertThat(Files.readString(output)).isEqualTo("earlier=1\n"
                + "verdict<<GATE_EOF\nBLOCK\nGATE_EOF\n"
                + "exit-code<<GATE_EOF\n1\nGATE_EOF\n"
                + "observed-commit<<GATE_EOF\n" + SampleRuns.NEW + "\nGATE_EOF\n"
                + "report-dir<<GATE_EOF\n" + dir.resolve("runs/r1") + "\nGATE_EOF\n");
    }

    @Test
    void aValueHoldingTheDelimiterGetsAnotherOne() {
        assertThat(GitHubActions.output("x", "a\nGATE_EOF\nb")).isEqualTo("x<<GATE_EOF_1\na\nGATE_EOF\nb\nGATE_EOF_1\n");
    }

    @Test
    void anUnknownObservedCommitIsAnEmptyOutput() throws Exception {
        RunRecord r = SampleRuns.passed();
        RunRecord unknown = new RunRecord(r.schema(), r.gateVersion(), r.suite(), r.target(), r.startedAt(), r.finishedAt(),
                r.decidedAt(), r.expectedCommit(), java.util.Optional.empty(), r.previousCommit(), dev.gate.checks.commit.Liveness.UNKNOWN, r.verdict(), 0, r.reason(),
                r.checks(), r.actions(), false, r.shard());

        new GitHubActions(github()).publish(unknown, "md", dir, out);

        assertThat(Files.readString(output)).contains("observed-commit<<GATE_EOF\n\nGATE_EOF\n");
    }
}
