package dev.gate.checks.api;

import static dev.gate.checks.api.ApiSpecBuilder.get;
import static dev.gate.checks.api.ApiSpecBuilder.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.checks.testing.Contexts;
import dev.gate.checks.testing.ManualClock;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API check against a real local server that demands a token. */
class ApiCheckTest {
    private static final String TOKEN = "Bearer s3cr3t-token";
    private static final String HEALTH = """
            {"status":"ok","items":[{"id":1},{"id":2},{"id":3}],"version":"1.4.2","ratio":0.5,"ready":true,\
            "debug":null,"count":3,"total":3.0,"big":12345678901234}""";

    @TempDir
    Path runDir;
    private final TestSite site = TestSite.start();
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    @BeforeEach
    void routes() {
        site.route("/api/health", r -> TOKEN.equals(r.header("Authorization"))
                ? Reply.json(HEALTH).withHeader("X-Commit", "9f8e7d6")
                : Reply.json("{\"error\":\"missing token\"}").withStatus(401));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private CheckResult run(ApiSpecBuilder api) {
        return api.check().run(context());
    }

    private CheckContext context() {
        return Contexts.of(site.url(), clock, runDir);
    }

    @Test
    void passesWhenTheResponseMeetsEveryKindOfExpectation() {
        CheckResult result = run(get("/api/health").header("Authorization", TOKEN)
                .status(200)
                .expectHeader("X-Commit", "9f8e7d6")
                .expectHeader("Content-Type", "/json/")
                .json("status", "ok")
                .json("items.size()", 3L)
                .json("items[1].id", 2L)
                .json("ratio", 0.5)
                .json("ready", true)
                .json("debug", null)
                .exists("items[0].id")
                .absent("owner")
                .contains("\"version\":\"1.4.2\"")
                .maxMs(10_000));

        assertThat(result.status()).isEqualTo(Status.PASS);
        assertThat(result.id()).isEqualTo("health");
        assertThat(result.kind()).isEqualTo("api");
        assertThat(result.name()).isEqualTo("GET /api/health");
        assertThat(result.summary()).matches("GET /api/health → 200 in \\d+ms");
        assertThat(result.details()).isEmpty();
        assertThat(result.playbook()).isEmpty();
        assertThat(result.metrics()).containsEntry("status", 200).containsEntry("bytes", HEALTH.length())
                .containsKey("time_ms");
    }

    @Test
    void withoutTheTokenTheServerRefusesAndTheFailureShowsStatusAndBody() {
        CheckResult result = run(get("/api/health").status(200));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("GET /api/health → 401 (expected 200): {\"error\":\"missing token\"}");
        assertThat(result.details()).containsExactly(result.summary());
        assertThat(result.playbook()).isEqualTo("api-failed");
        assertThat(result.metrics()).containsEntry("status", 401);
    }

    @Test
    void everyMissedExpectationIsOneLineAndTheFirstIsTheSummary() {
        site.route("/api/health", r -> Reply.json("{\"status\":\"degraded\",\"items\":[1,2,3],\"ready\":true,\"debug\":\"on\"}")
                .withHeader("X-Commit", "1a2b3c4"));

        CheckResult result = run(get("/api/health")
                .expectHeader("X-Commit", "9f8e7d6")
                .expectHeader("X-Region", "/^eu-/")
                .expectHeader("Content-Type", "/xml/")
                .json("status", "ok")
                .json("items.size()", 4L)
                .json("ready", false)
                .json("debug", null)
                .json("version", "1.5")
                .exists("owner.name")
                .absent("debug")
                .contains("all good"));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.details()).containsExactly(
                "GET /api/health: header X-Commit is \"1a2b3c4\", expected \"9f8e7d6\"",
                "GET /api/health: header X-Region is missing, expected /^eu-/",
                "GET /api/health: header Content-Type is \"application/json\", expected /xml/",
                "GET /api/health: status is \"degraded\", expected \"ok\"",
                "GET /api/health: items.size() is 3, expected 4",
                "GET /api/health: ready is true, expected false",
                "GET /api/health: debug is \"on\", expected null",
                "GET /api/health: version is null or missing, expected \"1.5\"",
                "GET /api/health: expected owner.name to exist, but it is null or missing",
                "GET /api/health: expected debug to be absent, but it is \"on\"",
                "GET /api/health: the body does not contain \"all good\"");
        assertThat(result.summary()).isEqualTo(result.details().get(0));
        assertThat(result.playbook()).isEqualTo("api-failed");
    }

    @Test
    void numbersAreComparedByValueWhateverTheirType() {
        CheckResult result = run(get("/api/health").header("Authorization", TOKEN)
                .json("count", 3L)
                .json("total", 3L)
                .json("ratio", 0.50)
                .json("big", 12345678901234L));

        assertThat(result.details()).isEmpty();
        assertThat(result.status()).isEqualTo(Status.PASS);
    }

    @Test
    void aNumberIsNotTheStringOfItsDigits() {
        CheckResult result = run(get("/api/health").header("Authorization", TOKEN).json("count", "3"));

        assertThat(result.summary()).isEqualTo("GET /api/health: count is 3, expected \"3\"");
    }

    @Test
    void aStatusListAcceptsAnyOfItsCodes() {
        site.route("/api/empty", r -> Reply.status(204, ""));

        assertThat(run(get("/api/empty").status(200, 204)).status()).isEqualTo(Status.PASS);
    }

    @Test
    void aStatusOutsideTheListFailsNamingTheList() {
        site.route("/api/gone", r -> Reply.status(404, "no such thing"));

        CheckResult result = run(get("/api/gone").status(200, 204));

        assertThat(result.summary()).isEqualTo("GET /api/gone → 404 (expected 200 or 204): no such thing");
    }

    @Test
    void aStatusClassAcceptsTheWholeHundredAndRejectsTheRest() {
        site.route("/api/created", r -> Reply.status(201, "made"));
        site.route("/api/down", r -> Reply.status(503, "down for maintenance"));

        assertThat(run(get("/api/created").statusClass("2xx")).status()).isEqualTo(Status.PASS);
        assertThat(run(get("/api/down").statusClass("2xx")).summary())
                .isEqualTo("GET /api/down → 503 (expected 2xx): down for maintenance");
    }

    @Test
    void aFailedStatusWithoutABodyEndsAfterTheExpectation() {
        site.route("/api/empty", r -> Reply.status(500, ""));

        assertThat(run(get("/api/empty")).summary()).isEqualTo("GET /api/empty → 500 (expected 2xx)");
    }

    @Test
    void postsItsJsonBodyAndChecksWhatTheServerEchoes() {
        site.route("/api/import", r -> Reply.json(r.body()).withStatus(201)
                .withHeader("X-Seen-Content-Type", r.header("Content-Type")));

        CheckResult result = run(post("/api/import").jsonBody("{\"sku\":\"A-1\",\"qty\":2,\"note\":\"naïve\"}")
                .status(201)
                .expectHeader("X-Seen-Content-Type", "/^application\\/json/")
                .json("sku", "A-1")
                .json("qty", 2L)
                .json("note", "naïve"));

        assertThat(result.details()).isEmpty();
        assertThat(result.name()).isEqualTo("POST /api/import");
        TestSite.Request seen = site.requests("/api/import").get(0);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.body()).isEqualTo("{\"sku\":\"A-1\",\"qty\":2,\"note\":\"naïve\"}");
    }

    @Test
    void aServerErrorShowsTheBodyCutTo300Characters() {
        String error = "{\"error\":\"" + "x".repeat(400) + "\"}";
        site.route("/api/import", r -> Reply.json(error).withStatus(500));

        CheckResult result = run(post("/api/import").jsonBody("{}"));

        assertThat(result.summary()).isEqualTo("POST /api/import → 500 (expected 2xx): " + error.substring(0, 300) + "…");
    }

    @Test
    void aBodyOnSeveralLinesIsShownOnOne() {
        site.route("/api/import", r -> Reply.status(500, "Traceback:\n  File \"app.py\"\n\tKeyError: 'sku'\n"));

        assertThat(run(post("/api/import").body("sku=1")).summary())
                .isEqualTo("POST /api/import → 500 (expected 2xx): Traceback: File \"app.py\" KeyError: 'sku'");
    }

    @Test
    void sendsQueryParametersAndHeaders() {
        site.route("/api/search", r -> Reply.json("[]"));

        run(get("/api/search").query("q", "red shoes").query("page", "2").header("Accept-Language", "de"));

        TestSite.Request seen = site.requests("/api/search").get(0);
        assertThat(seen.uri().getQuery()).isEqualTo("q=red shoes&page=2");
        assertThat(seen.header("Accept-Language")).isEqualTo("de");
    }

    @Test
    void anAbsoluteUrlIsCalledAsItIsWhateverTheTarget() {
        try (TestSite other = TestSite.start()) {
            other.route("/v1/ping", r -> Reply.json("{\"pong\":true}"));

            CheckResult result = run(get(other.url("/v1/ping")).json("pong", true));

            assertThat(result.status()).isEqualTo(Status.PASS);
            assertThat(other.requests("/v1/ping")).hasSize(1);
            assertThat(site.requests()).isEmpty();
        }
    }

    @Test
    void aCallOverItsTimeBudgetFails() {
        site.route("/api/slow", r -> Reply.json("{}").after(java.time.Duration.ofMillis(50)));

        CheckResult result = run(get("/api/slow").maxMs(1));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).matches("GET /api/slow: took \\d+ms, over the budget of 1ms");
    }

    @Test
    void jsonExpectationsOnABodyThatIsNotJsonFailOnceSayingWhatCameBack() {
        site.route("/", r -> Reply.html("<!doctype html><p>Welcome</p>"));

        CheckResult result = run(get("/").json("status", "ok").exists("items"));

        assertThat(result.details()).containsExactly("GET /: the body is not JSON (Content-Type text/html; charset=utf-8), "
                + "cannot check status, items: <!doctype html><p>Welcome</p>");
    }

    @Test
    void jsonExpectationsOnAnEmptyBodyFailSayingSo() {
        site.route("/api/empty", r -> Reply.status(200, ""));

        assertThat(run(get("/api/empty").absent("error")).summary())
                .isEqualTo("GET /api/empty: the body is empty, cannot check error");
    }

    @Test
    void putsAndPatchesSendTheirBodyToo() {
        site.route("/api/item", r -> Reply.json("{\"method\":\"" + r.method() + "\",\"got\":" + r.body() + "}"));

        assertThat(run(ApiSpecBuilder.request("PUT", "/api/item").jsonBody("{\"n\":1}").json("method", "PUT")
                .json("got.n", 1L)).details()).isEmpty();
        assertThat(run(ApiSpecBuilder.request("PATCH", "/api/item").jsonBody("{\"n\":2}").json("method", "PATCH")
                .json("got.n", 2L)).details()).isEmpty();
    }

    @Test
    void aContentTypeHeaderTheSuiteWroteWinsOverTheImpliedOne() {
        site.route("/api/item", r -> Reply.json("{}"));

        run(post("/api/item").header("Content-Type", "application/vnd.shop+json").jsonBody("{\"n\":1}"));

        assertThat(site.requests("/api/item").get(0).header("Content-Type")).startsWith("application/vnd.shop+json");
    }

    @Test
    void anExpressionThatCannotBeEvaluatedFailsNamingIt() {
        CheckResult result = run(get("/api/health").header("Authorization", TOKEN)
                .json("items[", 1L)
                .exists("items.nosuch()"));

        assertThat(result.details()).containsExactly(
                "GET /api/health: cannot evaluate items[: not a valid GPath expression (unexpected input: 'items[')",
                "GET /api/health: cannot evaluate items.nosuch(): the value there has no method nosuch()");
    }

    @Test
    void aRedirectLoopFailsSayingSo() {
        site.route("/a", r -> Reply.status(302, "").withHeader("Location", "/b"));
        site.route("/b", r -> Reply.status(302, "").withHeader("Location", "/a"));

        assertThat(run(get("/a")).summary()).isEqualTo("GET /a: too many redirects (a redirect loop?)");
    }
}
