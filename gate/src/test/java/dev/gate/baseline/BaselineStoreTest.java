package dev.gate.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Redactor;
import dev.gate.checks.assets.ManifestFormat;
import dev.gate.checks.assets.ReleaseAsset;
import dev.gate.run.EndpointSamples;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
    private static final String PASSWORD = "t0ps3cr3tPw";
    private static final String KEY = "Kx9+Qv/7Zr=Lm3Wp";
    private final Redactor redactor = Redactor.of(Set.of(PASSWORD, KEY));

    @TempDir
    Path dir;

    @Test
    void aTargetThatHoldsASecretIsWrittenMaskedAndStillReadAsTheSuitesOwn() throws Exception {
        URI target = URI.create("https://deploy:" + PASSWORD + "@shop.example.com");
        Baseline b = new Baseline(Baseline.SCHEMA, Instant.parse("2026-11-25T09:00:00Z"), target.toString(), Optional.empty(),
                Map.of("api", new EndpointSamples("api", "GET", target + "/api?key=" + java.net.URLEncoder.encode(KEY, java.nio.charset.StandardCharsets.UTF_8), List.of(10.0, 11.0, 12.0, 13.0, 14.0), List.of())),
                Map.of(), Optional.empty());
        Path file = dir.resolve("baseline.json");

        BaselineStore.write(file, b, redactor);
        Baseline read = BaselineStore.read(file, target, redactor);

        assertThat(Files.readString(file)).doesNotContain(PASSWORD, "Kx9").contains("/api?key=•••");
        assertThat(read.target()).isEqualTo("https://deploy:•••@shop.example.com");
        assertThat(read.before().latency()).singleElement()
                .satisfies(s -> assertThat(s.label()).isEqualTo("GET /api"));
    }

    @Test
    void aBaselineOfAnOlderGateWithoutAManifestReadsAsThePagesAssetsAlone() throws Exception {
        Path file = dir.resolve("old.json");
        Files.writeString(file, """
                { "schema": "gate.baseline/1", "taken_at": "2026-11-25T09:00:00Z", "target": "https://shop.example.com",
                  "live_commit": "1a2b3c4d", "endpoints": {},
                  "pages": { "home": { "id": "home", "url": "https://shop.example.com/",
                    "assets": ["https://shop.example.com/app.js"], "metrics": {} } } }
                """);

        Baseline read = BaselineStore.read(file, URI.create("https://shop.example.com"), Redactor.none());

        assertThat(read.manifest()).isEmpty();
        assertThat(read.before().assets()).containsExactly(ReleaseAsset.loadedByPage("https://shop.example.com/app.js"));
        assertThat(read.before().manifestProblem()).isEmpty();
    }

    @Test
    void theManifestsAssetsAreKeptMarkedLazyOrLoadedAndMergedWithThePagesOnes() throws Exception {
        String site = "https://shop.example.com";
        ManifestFacts manifest = new ManifestFacts(site + "/.vite/manifest.json", Optional.of(ManifestFormat.VITE), 3, List.of(
                new ReleaseAsset(site + "/assets/index-1a.js", false, true),
                new ReleaseAsset(site + "/assets/Checkout-4f2a.js", true, false),
                new ReleaseAsset(site + "/assets/C.js?key=" + KEY, true, false)), Optional.empty());
        Baseline b = new Baseline(Baseline.SCHEMA, Instant.parse("2026-11-25T09:00:00Z"), site, Optional.of("1a2b3c4d"), Map.of(),
                Map.of("home", new PageFacts("home", site + "/", List.of(site + "/assets/index-1a.js", site + "/favicon.png"), Map.of())),
                Optional.empty(), Optional.of(manifest));
        Path file = dir.resolve("baseline.json");

        BaselineStore.write(file, b, redactor);
        Baseline read = BaselineStore.read(file, URI.create(site), redactor);

        assertThat(Files.readString(file)).doesNotContain("Kx9");
        assertThat(read.manifest()).get().satisfies(m -> assertThat(m.format()).contains(ManifestFormat.VITE));
        assertThat(read.before().assets()).containsExactly(
                new ReleaseAsset(site + "/assets/index-1a.js", false, true),
                ReleaseAsset.loadedByPage(site + "/favicon.png"),
                new ReleaseAsset(site + "/assets/Checkout-4f2a.js", true, false));
    }
}
