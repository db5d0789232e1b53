package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.EncodedSite;
import dev.gate.cli.Cli;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target that answers as servers behind nginx or a CDN do, compressed, or that answers far too
 * much: the real {@code gate verify} passes a healthy compressed release, and blocks an answer
 * over the cap with one line, within a small heap, never reading a gzip bomb to its end.
 */
class CompressedAnswersIT {
    private static final Duration HANG_GUARD = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private final EncodedSite site = EncodedSite.start();

    @AfterEach
    void stop() {
        site.close();
    }

    private Cli.Result verify() {
        Suites.write(dir, "suite.yaml", Suites.apisOnly(site.url(), ""));
        Cli gate = new Cli(dir);
        return assertTimeoutPreemptively(HANG_GUARD,
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));
    }

    @Test
    void aHealthyReleaseAnsweringGzipPasses() {
        site.route("/version", "application/json", "gzip", "{\"commit\":\"" + NEW + "\"}");
        site.route("/api/health", "application/json", "gzip", "{\"status\":\"ok\"}");

        Cli.Result r = verify();

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("PASS  all 2 checks passed");
        JsonNode record = RunFolders.record(dir.resolve("run"), 0);
        assertThat(RunFolders.check(record, "health").path("status").asText()).isEqualTo("PASS");
        assertThat(site.acceptEncodings()).containsOnly("gzip, deflate");
        RunFolders.assertNothingHalfWritten(dir.resolve("run"));
    }

    @Test
    void aHealthyReleaseAnsweringDeflateWithoutTheZlibWrapperPasses() {
        site.route("/version", "application/json", "raw-deflate", "{\"commit\":\"" + NEW + "\"}");
        site.route("/api/health", "application/json", "deflate", "{\"status\":\"ok\"}");

        Cli.Result r = verify();

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("PASS  all 2 checks passed");
    }

    @Test
    void anAnswerOverTheCapBlocksWithOneLine() {
        site.route("/version", "application/json", "gzip", "{\"commit\":\"" + NEW + "\"}");
        site.route("/api/health", "application/json", "identity", "{\"status\":\"ok\",\"pad\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}");

        Cli.Result r = verify();

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode record = RunFolders.record(dir.resolve("run"), 1);
        assertThat(record.path("reason").asText()).isEqualTo("health: GET /api/health: answer larger than 8 MB");
        assertThat(RunFolders.check(record, "health").path("status").asText()).isEqualTo("FAIL");
        RunFolders.assertNothingHalfWritten(dir.resolve("run"));
    }

    /** The gzip bomb inflates to 64 GB; the gate runs in a 128 MB heap and exits on any OutOfMemoryError. */
    @Test
    void aGzipBombBlocksAtTheCapWithinASmallHeap() throws Exception {
        site.route("/version", "application/json", "gzip", "{\"commit\":\"" + NEW + "\"}");
        site.bomb("/api/health", 64L * 1024 * 1024 * 1024);
        Suites.write(dir, "suite.yaml", Suites.apisOnly(site.url(), "").replace("request: 1s", "request: 20s"));

        try (GateProcess gate = GateProcess.in(dir).jvm("-Xmx128m").jvm("-XX:+ExitOnOutOfMemoryError")
                .start("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run")) {
            int exit = gate.awaitExit(Duration.ofSeconds(120));

            assertThat(exit).as(gate.output()).isEqualTo(1);
            assertThat(gate.output()).doesNotContain("OutOfMemoryError")
                    .contains("BLOCK  health: GET /api/health: answer larger than 8 MB");
        }
        assertThat(site.bombCutShort()).as("the gate hung up on the bomb").isTrue();
    }
}
