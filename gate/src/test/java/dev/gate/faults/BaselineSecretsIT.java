package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static dev.gate.faults.Suites.OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import dev.gate.cli.Cli;
import dev.gate.io.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret in a page's or an API's query string stays out of {@code baseline.json}, which the
 * action uploads as an artifact, in every form a URL carries it, and the baseline still does its
 * work: {@code verify} compares latency against it. The real {@code gate baseline} and
 * {@code gate verify}, a local site, real Chromium for the page.
 */
class BaselineSecretsIT {
    /** '+', '/' and '=' are percent-encoded in a query the gate builds, and so must be masked encoded too. */
    private static final String SECRET = "Kx9+Qv/7Zr=Lm3Wp";

    @TempDir
    Path dir;
    private final TestSite site = TestSite.start();
    private volatile String live = OLD;

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aSecretInAQueryStringIsNowhereInTheBaselineAndLatencyIsStillCompared() throws Exception {
        site.route("/", q -> Reply.html("<!doctype html><html><head><title>Shop</title><meta name=\"commit\" content=\""
                + live + "\"><link rel=\"stylesheet\" href=\"/app.css\"><script src=\"/app.js?key=" + SECRET
                + "\"></script></head><body><main id=\"main\">shop</main></body></html>"));
        site.route("/app.css", q -> Reply.status(200, "main { color: black }").withHeader("Content-Type", "text/css"));
        site.route("/app.js", q -> Reply.status(200, "window.ok = 1;").withHeader("Content-Type", "text/javascript"));
        site.route("/api/products", q -> Reply.json("{\"status\":\"ok\"}"));
        Suites.write(dir, "suite.yaml", "name: shop\ntarget: " + site.url() + "\n"
                + "timeouts: { request: 2s, page: 20s, run: 2m }\n"
                + "commit: { converge: { consecutive: 1, timeout: 3s, interval: 500ms } }\n"
                + "pages:\n  - { id: home, path: \"/?key=${env:GATE_KEY}\" }\n"
                + "apis:\n  - { id: products, request: { path: /api/products, query: { key: \"${env:GATE_KEY}\" } } }\n"
                + "latency: { endpoints: [home, products], samples: 10, warmup: 1, max_samples: 10 }\n");
        Cli gate = new Cli(dir).env("GATE_KEY", SECRET);

        Cli.Result baseline = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> gate.run("baseline", "--suite", "suite.yaml"));

        assertThat(baseline.exit()).as(baseline.all()).isZero();
        Path file = dir.resolve(".gate/shop/baseline.json");
        String written = Files.readString(file);
        assertThat(site.requests("/api/products").get(0).uri().getRawQuery()).as("the secret did reach the site")
                .isEqualTo("key=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8));
        for (String form : forms()) {
            assertThat(written).as("baseline.json holding " + form).doesNotContain(form);
            assertThat(baseline.all()).doesNotContain(form);
        }
        JsonNode b = Json.mapper().readTree(written);
        assertThat(b.path("endpoints").path("products").path("url").asText()).isEqualTo(site.url() + "/api/products?key=•••");
        assertThat(b.path("pages").path("home").path("url").asText()).isEqualTo(site.url() + "/?key=•••");
        assertThat(b.path("pages").path("home").path("assets").toString())
                .as("an asset that holds the secret is left out: asked for again masked, it would be another asset")
                .contains("/app.css").doesNotContain("app.js");
        assertThat(b.path("endpoints").path("home").path("total_ms")).hasSize(10);

        live = NEW;
        Cli.Result verify = assertTimeoutPreemptively(Duration.ofSeconds(120),
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));

        JsonNode record = RunFolders.record(dir.resolve("run"), verify.exit());
        for (String id : List.of("home-latency", "products-latency")) {
            JsonNode latency = RunFolders.check(record, id);
            assertThat(latency.path("status").asText()).as(verify.all()).isIn("PASS", "WARN");
            assertThat(latency.path("summary").asText()).as(id).doesNotContain("cannot compare", "no baseline");
        }
        assertThat(RunFolders.check(record, "products-latency").path("name").asText()).isEqualTo("GET /api/products");
        for (String form : forms()) {
            assertThat(RunFolders.filesContaining(dir.resolve("run"), form)).as("run files holding " + form).isEmpty();
            assertThat(verify.all()).doesNotContain(form);
        }
    }

    private static List<String> forms() {
        String encoded = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        return List.of(SECRET, encoded, encoded.replace("+", "%20"));
    }
}
