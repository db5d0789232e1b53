package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.cli.Cli;
import dev.gate.realstack.LocalNginx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate against a real nginx with gzip on for HTML and JSON, as sites are served: the page, the
 * commit marker and the API answer compressed, and latency is sampled through the same server.
 * bin/test installs nginx; without it (a machine where it cannot be installed) the test is skipped.
 */
class RealNginxIT {
    private static final Duration HANG = Duration.ofSeconds(180);

    @TempDir
    Path dir;
    private LocalNginx nginx;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(LocalNginx.BINARY), "nginx is not installed (bin/test installs nginx-light)");
        nginx = LocalNginx.serve(Files.createDirectories(dir.resolve("nginx")), Map.of(
                "index.html", TestSite.pageWithCommit(NEW),
                "version.json", "{\"commit\":\"" + NEW + "\"}",
                "api/health.json", "{\"status\":\"ok\",\"checks\":[\"db\",\"cache\"]}"));
        Suites.write(dir, "suite.yaml", "name: shop\ntarget: " + nginx.url() + "\n"
                + "timeouts: { request: 5s, page: 30s, run: 3m }\n"
                + "commit: { marker: { json: /version.json, field: commit }, converge: { consecutive: 1, timeout: 5s, interval: 500ms } }\n"
                + "pages:\n  - { id: home, path: / }\n"
                // the suite's own Accept-Encoding is what latency samples with, so they are timed compressed too
                + "apis:\n  - { id: health, request: { path: /api/health.json, headers: { Accept-Encoding: gzip } },"
                + " expect: { json: { status: ok, \"checks.size()\": 2 }, body_contains: [cache] } }\n"
                + "latency: { endpoints: [health], samples: 20, warmup: 2, min_effect: 90% }\n");
    }

    @AfterEach
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    private Cli.Result gate(String... args) {
        Cli gate = new Cli(dir);
        return assertTimeoutPreemptively(HANG, () -> gate.run(args));
    }

    @Test
    void aHealthyReleaseBehindGzippingNginxPasses() {
        assertThat(gate("baseline", "--suite", "suite.yaml").exit()).isZero();

        Cli.Result r = gate("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(r.exit()).as(r.all()).isZero();
        JsonNode record = RunFolders.record(dir.resolve("run"), 0);
        for (String id : new String[] {"commit", "home", "health"}) {
            assertThat(RunFolders.check(record, id).path("status").asText()).as(id + ": " + r.all()).isEqualTo("PASS");
        }
        assertThat(RunFolders.check(record, "health-latency").path("status").asText()).as(r.all()).isEqualTo("PASS");
        assertThat(nginx.answers()).as("nginx compressed what the gate read")
                .contains("/api/health.json 200 gzip")
                .anyMatch(line -> line.startsWith("/version.json?") && line.endsWith(" 200 gzip"));
    }

    @Test
    void anAnswerWithoutTheExpectedTextFails() {
        nginx.write("api/health.json", "{\"status\":\"ok\",\"checks\":[\"db\",\"queue\"]}");

        Cli.Result r = gate("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode health = RunFolders.check(RunFolders.record(dir.resolve("run"), 1), "health");
        assertThat(health.path("status").asText()).isEqualTo("FAIL");
        assertThat(health.path("summary").asText()).as(r.all()).contains("\"cache\"");
        assertThat(nginx.answers()).contains("/api/health.json 200 gzip");
    }
}
