package dev.gate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.demo.DemoReleases;
import dev.gate.demo.DemoRepository;
import dev.gate.demo.DemoSite;
import dev.gate.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gate run}: baseline, a real deploy process, verify and act, against the demo shop. */
class GateRunIT {
    @TempDir
    Path dir;
    private DemoRepository repo;
    private DemoSite site;
    private Cli cli;

    @BeforeEach
    void start() throws Exception {
        repo = DemoRepository.create(dir.resolve("repo"), DemoReleases.all(), Instant.parse("2026-11-02T09:00:00Z"));
        site = DemoSite.start(repo.commits(), "v1", 11);
        site.latency(false);
        cli = new Cli(dir);
        suite("");
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private void suite(String extra) throws Exception {
        Files.writeString(dir.resolve("suite.yaml"), "name: harbor\ntarget: " + site.url() + "\n"
                + "commit: { converge: { consecutive: 2, timeout: 5s, interval: 500ms } }\n"
                + "pages: [{ id: home, path: /, expect: { selectors: [\"#main\"] } }]\n"
                + "on_failure: { rollback: " + quoted(control("rollback")) + ", rollback_timeout: 60s }\n" + extra);
    }

    private List<String> control(String... args) {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "dev.gate.cli.Main", "demo-control", site.url().toString()));
        argv.addAll(List.of(args));
        return argv;
    }

    private static String quoted(List<String> argv) {
        return argv.stream().map(a -> "\"" + a.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }

    private String[] run(String version, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--suite", "suite.yaml", "--expect-commit",
                repo.commit(version).hex(), "--out", "run"));
        args.addAll(List.of(extra));
        args.add("--");
        args.addAll(control("deploy", version));
        return args.toArray(String[]::new);
    }

    private JsonNode result() throws Exception {
        return Json.mapper().readTree(dir.resolve("run/result.json").toFile());
    }

    @Test
    void aGoodDeploySoundsTheFoghornAndPasses() throws Exception {
        Cli.Result r = cli.run(run("v2", "--sound-file", "sounds.wav"));

        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("gate baseline", "→ Deploying " + repo.commit("v2").shortHex(), "  │ deploy: {\"version\":\"v2\"",
                "is live: the foghorn sounds", "PASS  all 3 checks passed");
        assertThat(site.liveVersion()).isEqualTo("v2");
        assertThat(dir.resolve(".gate/harbor/baseline.json")).exists();
        try (AudioInputStream wav = AudioSystem.getAudioInputStream(dir.resolve("sounds.wav").toFile())) {
            double seconds = wav.getFrameLength() / wav.getFormat().getFrameRate();
            // the foghorn (2.8 s), a pause, and the PASS two-tone (0.5 s)
            assertThat(seconds).isGreaterThan(3.5).isLessThan(4.5);
        }
    }

    @Test
    void aBrokenDeployIsRolledBackAndConfirmed() throws Exception {
        Cli.Result r = cli.run(run("v5"));

        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("Uncaught TypeError", "rollback succeeded: rolled back to " + repo.commit("v1").shortHex());
        assertThat(site.liveVersion()).isEqualTo("v1");
        JsonNode result = result();
        assertThat(result.path("verdict").asText()).isEqualTo("BLOCK");
        assertThat(result.path("actions").findValuesAsText("outcome")).contains("intended", "succeeded");
        assertThat(dir.resolve("postmortems")).as("the suite names no on_failure.postmortems").doesNotExist();
        try (Stream<Path> stubs = Files.list(dir.resolve("run"))) {
            assertThat(stubs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("2026-")))
                    .containsExactly("2026-11-25-harbor-" + repo.commit("v5").shortHex() + ".md");
        }
    }

    @Test
    void aFailedDeployCommandBlocksWithoutVerifying() throws Exception {
        String[] args = {"run", "--suite", "suite.yaml", "--expect-commit", repo.commit("v2").hex(), "--",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version-that-does-not-exist"};

        Cli.Result r = cli.run(args);

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("BLOCK  deploy command failed: exited 1 after").contains("nothing was verified")
                .doesNotContain("gate verify");
    }

    @Test
    void aFreezeWindowRefusesTheDeployUnlessOverridden() throws Exception {
        // the test clock stands at Wednesday 2026-11-25 10:00 UTC
        suite("freeze: [\"Wed 09:00-Wed 11:00 UTC\"]\n");

        Cli.Result refused = cli.run(run("v2"));

        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("deploys are frozen until").contains("--override-freeze");
        assertThat(site.liveVersion()).as("nothing deployed").isEqualTo("v1");

        Cli.Result overridden = cli.run(run("v2", "--override-freeze"));

        assertThat(overridden.exit()).as(overridden.out() + overridden.err()).isZero();
        assertThat(overridden.out()).contains("deploying inside a freeze window (--override-freeze)");
        assertThat(site.liveVersion()).isEqualTo("v2");
    }

    @Test
    void postmortemRendersAStubFromASavedRun() throws Exception {
        cli.run(run("v5", "--no-rollback"));
        site.deployNow("v1");

        Cli.Result r = cli.run("postmortem", "run/result.json", "--repo", "repo", "--out", "stubs");

        assertThat(r.exit()).as(r.err()).isZero();
        Path stub;
        try (Stream<Path> stubs = Files.list(dir.resolve("stubs"))) {
            stub = stubs.findFirst().orElseThrow();
        }
        assertThat(Files.readString(stub))
                .contains("# Post-mortem: harbor: deploy of " + repo.commit("v5").shortHex() + " blocked")
                .contains("Initialise the cart before the page is ready — Aiko Tanaka")
                .contains("`M site/static/app.js`")
                .contains("Which test could have caught this")
                .contains("| action | owner | due | ticket |");
        Cli.Result again = cli.run("postmortem", "run/result.json", "--repo", "repo", "--out", "stubs");
        assertThat(again.out()).contains("-2.md");
    }
}
