package dev.gate.checks.api;

import static dev.gate.checks.api.ApiSpecBuilder.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.checks.testing.Contexts;
import dev.gate.checks.testing.EncodedSite;
import dev.gate.checks.testing.ManualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API check against a real local server that compresses its answers, and one that answers too much. */
class ApiCheckEncodingTest {
    private static final String HEALTH = "{\"status\":\"ok\",\"items\":[{\"id\":1},{\"id\":2}],\"version\":\"1.4.2\"}";

    @TempDir
    Path runDir;
    private final EncodedSite site = EncodedSite.start();
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    @AfterEach
    void stop() {
        site.close();
    }

    private CheckResult run(ApiSpecBuilder api) {
        return api.check().run(Contexts.of(site.url(), clock, runDir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "deflate", "raw-deflate", "identity"})
    void aHealthyAnswerPassesHoweverItIsEncoded(String encoding) {
        site.route("/api/health", "application/json", encoding, HEALTH);

        CheckResult result = run(get("/api/health").status(200)
                .json("status", "ok").json("items.size()", 2L).contains("\"version\":\"1.4.2\""));

        assertThat(result.status()).as(result.summary()).isEqualTo(Status.PASS);
        assertThat(result.metrics()).containsEntry("bytes", HEALTH.length());
    }

    @Test
    void asksOnlyForTheEncodingsItDecodes() {
        site.route("/api/health", "application/json", "gzip", HEALTH);

        run(get("/api/health").status(200));

        assertThat(site.acceptEncodings()).containsExactly("gzip, deflate");
    }

    @Test
    void anEncodingItCannotDecodeFailsWithItsName() {
        site.route("/api/health", "application/json", "br", HEALTH);

        CheckResult result = run(get("/api/health").header("Accept-Encoding", "br").status(200));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo(
                "GET /api/health: the answer is encoded as br, which the gate cannot decode (it asks for gzip, deflate)");
    }

    @Test
    void aBodyThatIsNotTheGzipItClaimsFailsWithTheCause() {
        site.routeWire("/api/health", "application/json", "gzip", HEALTH.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        CheckResult result = run(get("/api/health").status(200));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("GET /api/health: the answer is not valid gzip: Not in GZIP format");
    }

    @Test
    void anAnswerOverTheCapFailsWithOneLine() {
        site.route("/api/x", "application/json", "identity", "[" + "1,".repeat(5 * 1024 * 1024) + "1]");

        CheckResult result = run(get("/api/x").id("x").status(200));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("GET /api/x: answer larger than 8 MB");
        assertThat(result.details()).containsExactly("GET /api/x: answer larger than 8 MB");
    }

    @Test
    void theCapIsTheSpecsAndHoldsForTheDecodedBytes() {
        String big = "{\"pad\":\"" + "x".repeat(4096) + "\"}";
        site.route("/api/x", "application/json", "gzip", big);

        CheckResult small = run(get("/api/x").id("x").status(200).maxBody(2048));
        CheckResult enough = run(get("/api/x").id("x").status(200).maxBody(8192));

        assertThat(small.summary()).isEqualTo("GET /api/x: answer larger than 2 KB");
        assertThat(enough.status()).as(enough.summary()).isEqualTo(Status.PASS);
    }

    @Test
    void aGzipBombFailsAtTheCapWithoutBeingReadToItsEnd() throws Exception {
        site.bomb("/api/x", 64L * 1024 * 1024 * 1024);

        CheckResult result = run(get("/api/x").id("x").status(200));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("GET /api/x: answer larger than 8 MB");
        assertThat(site.bombCutShort()).isTrue();
    }
}
