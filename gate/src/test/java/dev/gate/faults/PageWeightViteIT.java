package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static dev.gate.faults.Suites.OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.cli.Cli;
import dev.gate.io.Json;
import dev.gate.realstack.LocalNginx;
import dev.gate.realstack.ViteBuild;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release that bundled a heavy dependency into its entry script: built by the real Vite, served
 * gzipped by a real nginx, weighed by real Chromium, through the real {@code gate baseline} and
 * {@code gate verify}. The script's name carries another hash in each build, and the warning still
 * names it as the one that grew; a release of the same weight says nothing.
 */
class PageWeightViteIT {
    private static final Duration HANG = Duration.ofSeconds(150);

    @TempDir
    Path dir;
    private LocalNginx nginx;
    private Path root;

    @BeforeEach
    void serveTheFirstRelease() throws Exception {
        assumeTrue(Files.isExecutable(LocalNginx.BINARY), "nginx is not installed (bin/test installs nginx-light)");
        assumeTrue(ViteBuild.installed(), "vite is not installed (bin/test installs it into .tools/)");
        root = Files.createDirectories(dir.resolve("live"));
        ViteBuild.copy(ViteBuild.build(Files.createDirectories(dir.resolve("a")), "a", OLD), root);
        nginx = LocalNginx.serveFolder(dir.resolve("nginx"), root);
        Suites.write(dir, "suite.yaml", "name: shop\ntarget: " + nginx.url() + "\n"
                + "timeouts: { request: 5s, page: 30s, run: 3m }\n"
                + "commit: { converge: { consecutive: 1, timeout: 5s, interval: 500ms } }\n"
                + "pages:\n  - { id: home, path: /, expect: { selectors: [\"main[data-release]\"] } }\n"
                + "page_weight: { max_growth: 25%, min_delta: 5KB }\n");
    }

    @AfterEach
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void aReleaseWhoseEntryScriptGrewWarnsNamingItAndStillPasses() throws Exception {
        Cli gate = new Cli(dir);
        Cli.Result baseline = assertTimeoutPreemptively(HANG, () -> gate.run("baseline", "--suite", "suite.yaml"));
        assertThat(baseline.exit()).as(baseline.all()).isZero();
        JsonNode weighed = Json.mapper().readTree(dir.resolve(".gate/shop/baseline.json").toFile())
                .path("pages").path("home").path("asset_weights");
        List<String> scripts = new ArrayList<>();
        weighed.forEach(a -> {
            if (a.path("type").asText().equals("SCRIPT")) {
                scripts.add(a.path("path").asText());
                assertThat(a.path("bytes").asLong()).as("transferred bytes of " + a).isPositive();
            }
        });
        assertThat(scripts).singleElement().asString().matches("/assets/index-[\\w-]+\\.js");

        // about 60 KB of text gzip cannot squeeze much: what bundling a data-heavy library adds
        ViteBuild.copy(ViteBuild.build(Files.createDirectories(dir.resolve("b")), "b", NEW,
                "window.catalog = " + catalog(60_000) + ";\n"), root);
        Cli.Result verify = assertTimeoutPreemptively(HANG,
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run", "--no-rollback"));

        assertThat(verify.exit()).as("a warning lets the deploy on: " + verify.all()).isZero();
        JsonNode home = RunFolders.check(RunFolders.record(dir.resolve("run"), verify.exit()), "home");
        assertThat(home.path("status").asText()).isEqualTo("WARN");
        assertThat(home.path("summary").asText()).matches("/: JavaScript \\+\\d+% since the baseline "
                + "\\(\\d+ (bytes|KB) → \\d\\d KB; more than \\+25% warns\\): /assets/index-\\*\\.js \\d+ (bytes|KB) → \\d\\d KB");
        assertThat(home.path("playbook").asText()).isEqualTo("page-weight");
        assertThat(home.path("summary").asText()).as("the stylesheet did not change").doesNotContain("CSS");
        assertThat(nginx.answers()).as("the script was sent compressed, as in production")
                .anyMatch(line -> line.matches("/assets/index-[\\w-]+\\.js 200 gzip"));
        assertThat(verify.out()).contains("WARN").contains("JavaScript +");
    }

    @Test
    void aReleaseOfTheSameWeightSaysNothing() throws Exception {
        Cli gate = new Cli(dir);
        Cli.Result baseline = assertTimeoutPreemptively(HANG, () -> gate.run("baseline", "--suite", "suite.yaml"));
        assertThat(baseline.exit()).as(baseline.all()).isZero();

        ViteBuild.copy(ViteBuild.build(Files.createDirectories(dir.resolve("b")), "b", NEW), root);
        Cli.Result verify = assertTimeoutPreemptively(HANG,
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run", "--no-rollback"));

        assertThat(verify.exit()).as(verify.all()).isZero();
        JsonNode home = RunFolders.check(RunFolders.record(dir.resolve("run"), verify.exit()), "home");
        assertThat(home.path("status").asText()).as(home.toString()).isEqualTo("PASS");
        assertThat(home.path("metrics").path("script_bytes").asDouble()).as("weighed on this side too").isPositive();
    }

    /** A JSON list of random words, the same in every run. */
    private static String catalog(int chars) {
        Random random = new Random(14);
        StringBuilder s = new StringBuilder("[");
        while (s.length() < chars) {
            s.append('"').append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append("\",");
        }
        return s.append("\"\"]").toString();
    }
}
