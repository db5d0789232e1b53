package dev.gate.checks.commit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.testing.Contexts;
import dev.gate.checks.testing.EncodedSite;
import dev.gate.checks.testing.ManualClock;
import dev.gate.checks.testing.TestSite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit marker read from compressed answers of a real local server, as a CDN serves them. */
class CompressedMarkerTest {
    private static final String COMMIT = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";

    @TempDir
    Path runDir;
    private final EncodedSite site = EncodedSite.start();
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    @AfterEach
    void stop() {
        site.close();
    }

    private Map<String, MarkerReading> read(CommitMarker marker, String location) throws InterruptedException {
        return new CommitConvergence(marker, List.of(location), ConvergeSpec.DEFAULT)
                .readAll(Contexts.of(site.url(), clock, runDir));
    }

    @Test
    void readsTheMarkerFromAGzippedPage() throws Exception {
        site.route("/", "text/html; charset=utf-8", "gzip", TestSite.pageWithCommit(COMMIT));

        MarkerReading reading = read(new CommitMarker.Meta("commit"), "/").get("/");

        assertThat(reading.commit()).as(reading.problem()).contains(new CommitId(COMMIT));
        assertThat(site.acceptEncodings()).containsExactly("gzip, deflate");
    }

    @Test
    void readsTheMarkerFromAGzippedVersionEndpoint() throws Exception {
        site.route("/version.json", "application/json", "gzip", "{\"build\":{\"commit\":\"" + COMMIT + "\"}}");

        MarkerReading reading = read(new CommitMarker.JsonField("/version.json", "build.commit"), "/version.json")
                .get("/version.json");

        assertThat(reading.commit()).as(reading.problem()).contains(new CommitId(COMMIT));
    }

    @Test
    void readsTheMarkerFromARawDeflatedPage() throws Exception {
        site.route("/", "text/html; charset=utf-8", "raw-deflate", TestSite.pageWithCommit(COMMIT));

        MarkerReading reading = read(new CommitMarker.Meta("commit"), "/").get("/");

        assertThat(reading.commit()).as(reading.problem()).contains(new CommitId(COMMIT));
    }

    @Test
    void aPageInflatingPastTheCapIsReadUpToItAndNoFurther() throws Exception {
        site.bomb("/", 64L * 1024 * 1024 * 1024);

        MarkerReading reading = read(new CommitMarker.Meta("commit"), "/").get("/");

        assertThat(reading.commit()).isEmpty();
        assertThat(reading.problem()).isEqualTo("no <meta name=\"commit\"> in the page");
        assertThat(site.bombCutShort()).isTrue();
    }
}
