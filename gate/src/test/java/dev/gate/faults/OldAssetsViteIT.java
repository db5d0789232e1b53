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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The previous release's lazy chunks, known only from its build manifest: two releases of a small
 * app with lazy routes, built by the real Vite, served by a real nginx, rendered by real Chromium,
 * through the real {@code gate baseline} and {@code gate verify}. Release B deletes A's files, as a
 * deploy that replaces the folder does; a deploy that keeps them passes.
 */
class OldAssetsViteIT {
    private static final Duration HANG = Duration.ofSeconds(150);

    @TempDir
    Path dir;
    private LocalNginx nginx;
    private Path root;
    private Path releaseA;
    private Path releaseB;

    @BeforeEach
    void build() throws Exception {
        assumeTrue(Files.isExecutable(LocalNginx.BINARY), "nginx is not installed (bin/test installs nginx-light)");
        assumeTrue(ViteBuild.installed(), "vite is not installed (bin/test installs it into .tools/)");
        releaseA = ViteBuild.build(Files.createDirectories(dir.resolve("a")), "a", OLD);
        releaseB = ViteBuild.build(Files.createDirectories(dir.resolve("b")), "b", NEW);
        root = Files.createDirectories(dir.resolve("live"));
        ViteBuild.copy(releaseA, root);
        nginx = LocalNginx.serveFolder(dir.resolve("nginx"), root);
        Suites.write(dir, "suite.yaml", "name: shop\ntarget: " + nginx.url() + "\n"
                + "timeouts: { request: 5s, page: 30s, run: 3m }\n"
                + "commit: { converge: { consecutive: 1, timeout: 5s, interval: 500ms } }\n"
                + "pages:\n  - { id: home, path: /, expect: { selectors: [\"main[data-release]\"] } }\n"
                + "old_assets: { check: block, manifest: /.vite/manifest.json }\n");
    }

    @AfterEach
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
    }

    @Test
    void aDeployThatDeletesThePreviousLazyChunksIsBlockedNamingThem() throws Exception {
        Cli gate = new Cli(dir);
        Cli.Result baseline = assertTimeoutPreemptively(HANG, () -> gate.run("baseline", "--suite", "suite.yaml"));
        assertThat(baseline.exit()).as(baseline.all()).isZero();
        assertThat(baseline.out()).contains("Vite manifest: 5 assets, 3 of them lazy chunks");
        JsonNode manifest = Json.mapper().readTree(dir.resolve(".gate/shop/baseline.json").toFile()).path("manifest");
        List<String> lazy = new ArrayList<>();
        List<String> loaded = new ArrayList<>();
        manifest.path("assets").forEach(a -> {
            String path = a.path("url").asText().substring(nginx.url().toString().length());
            (a.path("lazy").asBoolean() ? lazy : loaded).add(path);
            assertThat(a.path("loaded").asBoolean()).as(path + " loaded by the page").isEqualTo(!a.path("lazy").asBoolean());
        });
        assertThat(lazy).hasSize(3).anyMatch(p -> p.matches("/assets/Checkout-[\\w-]+\\.js"))
                .anyMatch(p -> p.matches("/assets/Checkout-[\\w-]+\\.css")).anyMatch(p -> p.matches("/assets/Account-[\\w-]+\\.js"));
        assertThat(loaded).hasSize(2).allMatch(p -> p.matches("/assets/index-[\\w-]+\\.(js|css)"));

        replaceWith(releaseB);
        Cli.Result verify = assertTimeoutPreemptively(HANG,
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run", "--no-rollback"));

        JsonNode check = RunFolders.check(RunFolders.record(dir.resolve("run"), verify.exit()), "old-assets");
        assertThat(verify.exit()).as(verify.all()).isEqualTo(1);
        assertThat(check.path("status").asText()).isEqualTo("FAIL");
        String firstLazy = lazy.get(0);
        assertThat(check.path("summary").asText()).isEqualTo("5 of 5 assets of " + OLD.substring(0, 7)
                + " are gone, 3 of them lazy chunks (" + firstLazy + " → 404): open tabs of the previous release fail when they navigate");
        List<String> details = new ArrayList<>();
        check.path("details").forEach(d -> details.add(d.asText()));
        for (String chunk : lazy) {
            assertThat(details).contains(chunk + " → 404 (lazy chunk)");
        }
        assertThat(RunFolders.check(RunFolders.record(dir.resolve("run"), verify.exit()), "home").path("status").asText())
                .as("release B itself renders").isEqualTo("PASS");
    }

    @Test
    void aDeployThatKeepsThePreviousFilesPasses() throws Exception {
        Cli gate = new Cli(dir);
        Cli.Result baseline = assertTimeoutPreemptively(HANG, () -> gate.run("baseline", "--suite", "suite.yaml"));
        assertThat(baseline.exit()).as(baseline.all()).isZero();

        ViteBuild.copy(releaseB, root);
        Cli.Result verify = assertTimeoutPreemptively(HANG,
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run", "--no-rollback"));

        assertThat(verify.exit()).as(verify.all()).isZero();
        JsonNode check = RunFolders.check(RunFolders.record(dir.resolve("run"), verify.exit()), "old-assets");
        assertThat(check.path("summary").asText()).isEqualTo("5 assets of " + OLD.substring(0, 7) + " still load");
    }

    private void replaceWith(Path release) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(root)).forEach(p -> p.toFile().delete());
        }
        ViteBuild.copy(release, root);
    }
}
