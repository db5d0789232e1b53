package dev.gate.faults;

import dev.gate.cli.Cli;
import static dev.gate.faults.Suites.NEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a blocked run's post-mortem stub goes: into the folder {@code on_failure.postmortems}
 * names, and without it into the run folder, so that the suite's repository gains no file nobody
 * asked for. The site is live and its health API says "down", so every run here blocks.
 */
class PostmortemStubsIT {
    private static final String STUB = "2026-11-25-api-" + NEW.substring(0, 7) + ".md";

    @TempDir
    Path dir;
    private TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.start();
        site.route("/version", q -> Reply.json("{\"commit\":\"" + NEW + "\"}"));
        site.route("/api/health", q -> Reply.json("{\"status\":\"down\"}"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private Cli.Result run(Cli gate, String... args) {
        return assertTimeoutPreemptively(Duration.ofSeconds(60), () -> gate.run(args));
    }

    private static List<String> stubsIn(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("2026-")).sorted().toList();
        }
    }

    private static String postmortemAction(Path runDir) {
        for (JsonNode a : RunFolders.record(runDir, 1).path("actions")) {
            if (a.path("kind").asText().equals("postmortem")) {
                return a.path("outcome").asText() + ": " + a.path("summary").asText();
            }
        }
        throw new AssertionError("no postmortem action in " + runDir);
    }

    @Test
    void withoutOnFailureTheStubStaysInTheRunFolderWithOrWithoutNoRollback() throws Exception {
        Suites.write(dir, "suite.yaml", Suites.apisOnly(site.url(), ""));
        Cli gate = new Cli(dir);

        Cli.Result plain = run(gate, "verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");
        Cli.Result noRollback = run(gate, "verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run2", "--no-rollback");

        assertThat(plain.exit()).as(plain.all()).isEqualTo(1);
        assertThat(noRollback.exit()).as(noRollback.all()).isEqualTo(1);
        assertThat(dir.resolve("postmortems")).as("no folder beside the suite").doesNotExist();
        for (String out : List.of("run", "run2")) {
            Path runDir = dir.resolve(out);
            assertThat(stubsIn(runDir)).as(out).containsExactly(STUB);
            assertThat(postmortemAction(runDir)).isEqualTo("succeeded: post-mortem stub written to " + runDir.resolve(STUB));
            assertThat(runDir.resolve(STUB)).content().as("links from inside the run folder")
                    .contains("[report.html](./report.html) · record: [result.json](./result.json)")
                    .doesNotContain("](/");
            RunFolders.assertNothingHalfWritten(runDir);
        }
    }

    @Test
    void onFailurePostmortemsStillNamesTheFolder() throws Exception {
        Suites.write(dir, "suite.yaml", Suites.apisOnly(site.url(), "on_failure: { postmortems: stubs/ }\n"));

        Cli.Result r = run(new Cli(dir), "verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run", "--no-rollback");

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        assertThat(stubsIn(dir.resolve("stubs"))).containsExactly(STUB);
        assertThat(stubsIn(dir.resolve("run"))).isEmpty();
        assertThat(dir.resolve("postmortems")).doesNotExist();
        assertThat(postmortemAction(dir.resolve("run"))).isEqualTo("succeeded: post-mortem stub written to " + dir.resolve("stubs").resolve(STUB));
        assertThat(dir.resolve("stubs").resolve(STUB)).content().contains("[report.html](../run/report.html)");
    }

    @Test
    void gatePostmortemWithoutOutWritesBesideTheRecordWhenTheSuiteNamesNoFolder() throws Exception {
        Suites.write(dir, "suite.yaml", Suites.apisOnly(site.url(), ""));
        Cli gate = new Cli(dir);
        assertThat(run(gate, "verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run").exit()).isEqualTo(1);

        Cli.Result r = run(gate, "postmortem", "run/result.json");

        String second = STUB.replace(".md", "-2.md");
        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).isEqualTo("Post-mortem stub written to " + dir.resolve("run").resolve(second) + "\n");
        assertThat(stubsIn(dir.resolve("run"))).containsExactlyInAnyOrder(STUB, second);
        assertThat(dir.resolve("postmortems")).doesNotExist();
    }
}
