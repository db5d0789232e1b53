package dev.gate.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Attempt;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.checks.api.ApiCheck;
import dev.gate.checks.testing.Contexts;
import dev.gate.checks.testing.ManualClock;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import dev.gate.suite.Suite;
import dev.gate.suite.SuiteException;
import dev.gate.suite.SuiteLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API checks tried again by the runner, against a real server on 127.0.0.1 that counts the
 * requests it gets; the pause between attempts goes to a manual clock, so nothing waits.
 */
class RetriesTest {
    private final TestSite site = TestSite.start();
    private final ManualClock clock = ManualClock.at("2026-12-01T12:00:00Z");
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        site.close();
    }

    private Suite suite(String top, String apis) throws SuiteException {
        return new SuiteLoader(Map.of()).parse("target: " + site.url() + "\n" + top
                + "commit: { marker: { json: /version, field: commit } }\napis:\n" + apis, dir.resolve("suite.yaml"));
    }

    private CheckResult run(Suite suite, String id) throws InterruptedException {
        CheckExecutor executor = new CheckExecutor(1, Duration.ofMinutes(1), RunListener.SILENT, Retries.of(suite));
        return executor.runOne(new ApiCheck(suite.api(id).orElseThrow()), Contexts.of(site.url(), clock, dir));
    }

    @Test
    void a502ThenAPassIsAFlakyWarningNamingTheFirstFailure() throws Exception {
        site.route("/api/x", r -> r.n() == 1 ? Reply.status(502, "bad gateway") : Reply.json("{\"status\":\"ok\"}"));
        Suite suite = suite("", "  - { id: x, request: { path: /api/x }, expect: { json: { status: ok } } }\n");

        CheckResult result = run(suite, "x");

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.flaky()).isTrue();
        assertThat(result.summary()).isEqualTo("flaky: GET /api/x passed on the second attempt; the first failed: HTTP 502");
        assertThat(site.requests("/api/x")).hasSize(2);
        assertThat(site.requests("/api/x")).extracting(TestSite.Request::remotePort).doesNotHaveDuplicates();
        assertThat(clock.slept()).isEqualTo(Retries.PAUSE);
        Attempt first = result.earlierAttempts().get(0);
        assertThat(first.status()).isEqualTo(Status.FAIL);
        assertThat(first.summary()).isEqualTo("GET /api/x → 502 (expected 2xx): bad gateway");
        assertThat(first.metrics()).containsEntry("status", 502);
        assertThat(result.metrics()).containsEntry("status", 200);
        assertThat(result.details().get(0)).isEqualTo("attempt 1: FAIL: GET /api/x → 502 (expected 2xx): bad gateway");
        assertThat(result.details().get(1)).startsWith("attempt 2: PASS: GET /api/x → 200 in ");
        assertThat(result.playbook()).isEqualTo(ApiCheck.PLAYBOOK);
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsTriedAgainOnAFreshConnection() throws Exception {
        site.route("/api/x", r -> {
            if (r.n() == 1) {
                throw new IllegalStateException("the server drops this connection without answering");
            }
            return Reply.json("{}");
        });
        Suite suite = suite("", "  - { id: x, request: { path: /api/x } }\n");

        CheckResult result = run(suite, "x");

        assertThat(result.status()).isEqualTo(Status.WARN);
        assertThat(result.summary()).isEqualTo("flaky: GET /api/x passed on the second attempt; the first failed: "
                + "127.0.0.1:" + site.url().getPort() + " closed the connection without a response");
        assertThat(site.requests("/api/x")).hasSize(2);
    }

    @Test
    void aCheckFailingEveryTimeIsTriedExactlyItsRetriesAndSaysHowOften() throws Exception {
        site.route("/api/x", r -> Reply.status(503, "draining"));
        Suite suite = suite("", "  - { id: x, request: { path: /api/x }, retries: 2 }\n");

        CheckResult result = run(suite, "x");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("GET /api/x → 503 (expected 2xx): draining (all 3 attempts failed)");
        assertThat(site.requests("/api/x")).hasSize(3);
        assertThat(result.earlierAttempts()).extracting(Attempt::status).containsExactly(Status.FAIL, Status.FAIL);
        assertThat(clock.slept()).isEqualTo(Retries.PAUSE.multipliedBy(2));
    }

    @Test
    void aJsonOrBodyTextMissOnA2xxIsNotTriedAgain() throws Exception {
        site.route("/api/json", r -> Reply.json("{\"status\":\"degraded\"}"));
        site.route("/api/text", r -> Reply.json("{\"status\":\"ok\"}"));
        Suite suite = suite("retries: 3\n",
                "  - { id: json, request: { path: /api/json }, expect: { json: { status: ok } } }\n"
                        + "  - { id: text, request: { path: /api/text }, expect: { body_contains: [ready] } }\n");

        CheckResult json = run(suite, "json");
        CheckResult text = run(suite, "text");

        assertThat(json.summary()).isEqualTo("GET /api/json: status is \"degraded\", expected \"ok\"");
        assertThat(text.summary()).isEqualTo("GET /api/text: the body does not contain \"ready\"");
        assertThat(site.requests("/api/json")).hasSize(1);
        assertThat(site.requests("/api/text")).hasSize(1);
        assertThat(json.earlierAttempts()).isEmpty();
        assertThat(clock.slept()).isZero();
    }

    @Test
    void retriesZeroTurnsRetryingOff() throws Exception {
        site.route("/api/x", r -> r.n() == 1 ? Reply.status(502, "bad gateway") : Reply.json("{}"));
        Suite suite = suite("retries: 0\n", "  - { id: x, request: { path: /api/x } }\n");

        CheckResult result = run(suite, "x");

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("GET /api/x → 502 (expected 2xx): bad gateway");
        assertThat(result.transientCause()).contains("HTTP 502");
        assertThat(site.requests("/api/x")).hasSize(1);
    }
}
