package dev.gate.checks.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Severity;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.page.OldAssetsCheck;
import dev.gate.checks.testing.Contexts;
import dev.gate.checks.testing.ManualClock;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The old-assets check and the manifest reader against a real local server. */
class OldAssetsCheckTest {
    private static final Optional<CommitId> PREVIOUS = CommitId.parse("ec366e6a1b2c");

    @TempDir
    Path runDir;
    private final TestSite site = TestSite.start();
    private final ManualClock clock = ManualClock.at("2026-12-01T10:00:00Z");

    @AfterEach
    void stop() {
        site.close();
    }

    private CheckResult run(OldAssetsCheck check) throws Exception {
        return check.run(Contexts.of(site.url(), clock, runDir));
    }

    @Test
    void goneLazyChunksAreCountedAndOneIsNamed() throws Exception {
        site.route("/assets/index-1a.js", r -> Reply.status(200, "x"));
        List<ReleaseAsset> assets = List.of(new ReleaseAsset(site.url("/assets/index-1a.js"), false, true),
                new ReleaseAsset(site.url("/assets/Checkout-4f2a.js"), true, false),
                new ReleaseAsset(site.url("/assets/Account-77.js"), true, false),
                new ReleaseAsset(site.url("/assets/logo-9f.svg"), false, false));

        CheckResult result = run(new OldAssetsCheck(assets, PREVIOUS, Optional.empty(), Severity.BLOCK));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("3 of 4 assets of ec366e6 are gone, 2 of them lazy chunks "
                + "(/assets/Checkout-4f2a.js → 404): open tabs of the previous release fail when they navigate");
        assertThat(result.details()).containsExactly("/assets/Checkout-4f2a.js → 404 (lazy chunk)",
                "/assets/Account-77.js → 404 (lazy chunk)", "/assets/logo-9f.svg → 404");
        assertThat(result.playbook()).isEqualTo("missing-asset");
    }

    @Test
    void aServerThatRefusesHeadIsAskedWithGet() throws Exception {
        site.route("/a.js", r -> r.method().equals("HEAD") ? Reply.status(405, "") : Reply.status(200, "ok"));
        site.route("/b.js", r -> r.method().equals("HEAD") ? Reply.status(501, "") : Reply.status(410, "gone"));

        CheckResult result = run(new OldAssetsCheck(List.of(new ReleaseAsset(site.url("/a.js"), true, false),
                new ReleaseAsset(site.url("/b.js"), true, false)), PREVIOUS, Optional.empty(), Severity.WARN));

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.details()).containsExactly("/b.js → 410 (lazy chunk)");
        assertThat(site.requests("/a.js")).extracting(TestSite.Request::method).containsExactly("HEAD", "GET");
    }

    @Test
    void moreAssetsThanTheCapAreCutAndTheLineSaysSo() throws Exception {
        List<ReleaseAsset> assets = new ArrayList<>();
        for (int i = 0; i < 520; i++) {
            String path = "/assets/c" + i + ".js";
            site.route(path, r -> Reply.status(200, ""));
            assets.add(new ReleaseAsset(site.url(path), true, false));
        }

        CheckResult result = run(new OldAssetsCheck(assets, PREVIOUS, Optional.empty(), Severity.WARN));

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.summary()).isEqualTo("500 assets of ec366e6 still load (the first 500 of 520 checked: the cap)");
        assertThat(site.requests()).hasSize(500);
    }

    @Test
    void aManifestTheBaselineCouldNotReadIsAWarningEvenWhenEverythingLoads() throws Exception {
        site.route("/app.js", r -> Reply.status(200, ""));

        CheckResult result = run(new OldAssetsCheck(List.of(ReleaseAsset.loadedByPage(site.url("/app.js"))), PREVIOUS,
                Optional.of("/asset-manifest.json: HTTP 404"), Severity.BLOCK));

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo("1 asset of ec366e6 still loads; the baseline could not read the build manifest "
                + "(/asset-manifest.json: HTTP 404), so its lazy chunks were not checked");
    }

    @Test
    void theReaderResolvesViteFilesAgainstTheBuildRootAndMarksWhatThePagesLoaded() throws Exception {
        site.route("/.vite/manifest.json", r -> Reply.json("{\"index.html\": {\"file\": \"assets/index-1a.js\", \"isEntry\": true,"
                + " \"dynamicImports\": [\"src/C.js\"]}, \"src/C.js\": {\"file\": \"assets/C-2b.js\", \"isDynamicEntry\": true}}"));

        ManifestReader.Inventory inventory = new ManifestReader(Contexts.of(site.url(), clock, runDir).http())
                .read(java.net.URI.create(site.url("/.vite/manifest.json")), Set.of(site.url("/assets/index-1a.js")));

        assertThat(inventory.format()).isEqualTo(ManifestFormat.VITE);
        assertThat(inventory.assets()).containsExactly(new ReleaseAsset(site.url("/assets/index-1a.js"), false, true),
                new ReleaseAsset(site.url("/assets/C-2b.js"), true, false));
    }

    @Test
    void aManifestThatIsNotThereSaysItsStatus() {
        ManifestReader reader = new ManifestReader(Contexts.of(site.url(), clock, runDir).http());

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> reader.read(java.net.URI.create(site.url("/asset-manifest.json")), Set.of()))
                .isInstanceOf(ManifestException.class).hasMessage("HTTP 404");
    }
}
