package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import dev.gate.io.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action's script, run as a real process the way the runner runs it: GITHUB_OUTPUT,
 * GITHUB_STEP_SUMMARY and GITHUB_ENV are temporary files, the gate is this test's own classpath
 * (GATE_CMD), and the site is a real server on 127.0.0.1.
 */
class GitHubActionScriptIT {
    private static final String NEW = SampleRuns.NEW;
    private static final String OLD = SampleRuns.OLD;

    @TempDir
    Path workspace;
    private TestSite site;
    private volatile String live = NEW;
    private Path output;
    private Path summary;

    /** What one run of the script left behind. */
    record Run(int exit, String stdout, String stderr, String output, String summary) {
    }

    @BeforeEach
    void start() throws Exception {
        site = TestSite.start();
        site.route("/", r -> Reply.html(TestSite.pageWithCommit(live)));
        output = workspace.resolve("runner/output");
        summary = workspace.resolve("runner/step-summary.md");
        Files.createDirectories(output.getParent());
        Files.writeString(workspace.resolve("suite.yaml"), "name: shop\ntarget: " + site.url() + "\n"
                + "commit: { converge: { consecutive: 2, timeout: 2s, interval: 200ms } }\n"
                + "pages:\n  - { id: home, path: / }\n");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private static Path script() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(".github/actions/gate/run.sh");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(".github/actions/gate/run.sh not found above " + Path.of("").toAbsolutePath());
    }

    private Run run(String command, Map<String, String> inputs) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", script().toString(), command).directory(workspace.toFile());
        Map<String, String> env = builder.environment();
        // the test may itself run on GitHub: nothing of the real runner may leak in
        env.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("GATE_") || k.startsWith("RUNNER_"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        env.put("GATE_CMD", java + " -cp " + System.getProperty("java.class.path") + " dev.gate.cli.Main");
        env.put("GITHUB_ACTIONS", "true");
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_ENV", workspace.resolve("runner/env").toString());
        env.put("GITHUB_RUN_ID", "42");
        env.put("GITHUB_RUN_ATTEMPT", "1");
        env.putAll(inputs);
        Path stdout = workspace.resolve("runner/stdout");
        Path stderr = workspace.resolve("runner/stderr");
        Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("run.sh " + command + " did not finish: " + Files.readString(stderr));
        }
        return new Run(process.exitValue(), Files.readString(stdout), Files.readString(stderr),
                Files.exists(output) ? Files.readString(output) : "", Files.exists(summary) ? Files.readString(summary) : "");
    }

    private static Map<String, String> inputs(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static String out(String name, String value) {
        return name + "<<GATE_EOF\n" + value + "\nGATE_EOF\n";
    }

    @Test
    void aLiveReleasePassesAndLeavesOutputsSummaryAndReports() throws Exception {
        Run r = run("run", inputs("GATE_SUITE", "suite.yaml", "GITHUB_SHA", NEW));

        assertThat(r.exit()).as(r.stderr()).isZero();
        Path runDir = workspace.resolve(".gate/runs/github-42-1");
        assertThat(r.output()).isEqualTo(out("artifact-path", runDir.toString()) + out("artifact-name", "gate-verify")
                + out("verdict", "PASS") + out("exit-code", "0") + out("observed-commit", NEW)
                + out("report-dir", runDir.toString()));
        assertThat(r.summary()).startsWith("## ✅ PASS: release verified\n\nall 2 checks passed\n");
        assertThat(r.stdout()).doesNotContain("::error", "::warning");
        assertThat(r.stderr()).contains("gate-action: exit 0; the verify output is uploaded as the artifact 'gate-verify' ("
                + runDir + ")");
        for (String file : new String[] {"result.json", "junit.xml", "report.html", "summary.md"}) {
            assertThat(runDir.resolve(file)).as(file).isNotEmptyFile();
        }
    }

    @Test
    void aReleaseThatIsNotLiveFailsTheStepWithAnAnnotation() throws Exception {
        live = OLD;

        Run r = run("run", inputs("GATE_SUITE", "suite.yaml", "GATE_EXPECT_COMMIT", NEW));

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stdout()).contains("::error title=commit::the deploy did not go live: no response in 2s served 9f8e7d6");
        assertThat(r.output()).contains(out("verdict", "BLOCK"), out("exit-code", "1"), out("observed-commit", OLD));
        assertThat(r.summary()).startsWith("## ⛔ BLOCK: deploy blocked\n");
    }

    @Test
    void anInvalidSuiteFailsTheStepAndSaysTheGateDidNotDecide() throws Exception {
        Files.writeString(workspace.resolve("bad.yaml"), "target: " + site.url() + "\npage:\n  - { id: home, path: / }\n");

        Run r = run("run", inputs("GATE_SUITE", "bad.yaml", "GATE_EXPECT_COMMIT", NEW));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("bad.yaml:2:1: unknown key \"page\"; did you mean \"pages\"?");
        assertThat(r.stdout()).isEqualTo("::error title=gate::gate exited 2 before deciding; its own message is in the log above\n");
        assertThat(r.output()).doesNotContain("verdict<<").endsWith(out("exit-code", "2"));
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void aShardWithoutRollbackGetsItsOwnFolderAndArtifactName() throws Exception {
        Run r = run("run", inputs("GATE_SUITE", "suite.yaml", "GATE_EXPECT_COMMIT", NEW, "GATE_SHARD", "2/3",
                "GATE_ROLLBACK", "false"));

        assertThat(r.exit()).as(r.stderr()).isZero();
        Path runDir = workspace.resolve(".gate/runs/github-42-1-shard-2-of-3");
        assertThat(r.output()).startsWith(out("artifact-path", runDir.toString()) + out("artifact-name", "gate-verify-shard-2-of-3"));
        JsonNode result = Json.mapper().readTree(runDir.resolve("result.json").toFile());
        assertThat(result.path("shard").asText()).isEqualTo("2/3");
    }

    @Test
    void inputsThatMeanNothingAreRefusedBeforeAnythingRuns() throws Exception {
        Run rollback = run("run", inputs("GATE_SUITE", "suite.yaml", "GATE_EXPECT_COMMIT", NEW, "GATE_ROLLBACK", "yes"));
        Run mode = run("run", inputs("GATE_SUITE", "suite.yaml", "GATE_EXPECT_COMMIT", NEW, "GATE_MODE", "check"));
        Run suite = run("run", inputs("GATE_EXPECT_COMMIT", NEW));

        assertThat(rollback.exit()).isEqualTo(2);
        assertThat(rollback.stderr()).isEqualTo("gate-action: rollback: expected true or false but was 'yes'\n");
        assertThat(mode.exit()).isEqualTo(2);
        assertThat(mode.stderr()).isEqualTo("gate-action: mode: expected verify, baseline or watch but was 'check'\n");
        assertThat(suite.exit()).isEqualTo(2);
        assertThat(suite.stderr()).isEqualTo("gate-action: the input 'suite' is required: the path of the suite YAML\n");
        assertThat(site.requests()).isEmpty();
    }

    @Test
    void theBaselineModeRecordsWhatIsLiveAndNamesTheFile() throws Exception {
        live = OLD;

        Run r = run("run", inputs("GATE_SUITE", "suite.yaml", "GATE_MODE", "baseline"));

        assertThat(r.exit()).as(r.stderr()).isZero();
        Path baseline = workspace.resolve(".gate/shop/baseline.json");
        assertThat(r.output()).isEqualTo(out("artifact-path", baseline.toString()) + out("artifact-name", "gate-baseline")
                + out("baseline-file", baseline.toString()) + out("exit-code", "0"));
        assertThat(Json.mapper().readTree(baseline.toFile()).path("live_commit").asText()).isEqualTo(OLD);
    }

    @Test
    void theWatchModeRunsGateWatchAndHandsOnItsExitStatus() throws Exception {
        // this suite has no latency endpoints, so gate watch refuses it: exit 2, from the real command
        Run r = run("run", inputs("GATE_SUITE", "suite.yaml", "GATE_MODE", "watch"));

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("the suite has no latency endpoints to watch (latency.endpoints)");
        assertThat(r.output()).isEqualTo(out("artifact-path", workspace.resolve(".gate/watch").toString())
                + out("artifact-name", "gate-watch") + out("exit-code", "2"));
    }

    @Test
    void theCacheKeyNamesThePlatformAndTheSources() throws Exception {
        Run r = run("key", inputs("RUNNER_OS", "Linux", "RUNNER_ARCH", "X64"));

        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.stdout()).matches("gate-jar-Linux-X64-[0-9a-f]{32}\n");
        assertThat(r.output()).startsWith(out("jar-key", r.stdout().strip()))
                .contains(out("jar-path", script().getParent().resolve("../../../gate/target/gate.jar").normalize().toString()))
                .containsPattern("m2-key<<GATE_EOF\ngate-m2-Linux-X64-[0-9a-f]{32}\nGATE_EOF\n");
        assertThat(Files.readString(output, StandardCharsets.UTF_8)).isEqualTo(r.output());
    }
}
