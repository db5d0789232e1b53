package dev.gate.act.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.CheckResult;
import dev.gate.checks.commit.CommitCheck;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.CommitOutcome;
import dev.gate.checks.commit.Liveness;
import dev.gate.checks.testing.ManualClock;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import dev.gate.git.ChangedCommit;
import dev.gate.io.Json;
import dev.gate.run.ActionRecord;
import dev.gate.run.ExitStatus;
import dev.gate.run.RunRecord;
import dev.gate.run.Shard;
import dev.gate.suite.Suite;
import dev.gate.suite.SuiteLoader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The messages as a real receiver on 127.0.0.1 gets them, built from run records made in code:
 * each kind's JSON, which receiver hears of which event, and what an unreachable receiver costs.
 */
class NotificationsTest {
    private static final CommitId NEW = CommitId.of("9f8e7d6c5b4a39281706f5e4d3c2b1a098765432");
    private static final CommitId OLD = CommitId.of("1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d");
    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    private static final String TOKEN = "T0001/B0001/hookSecret42";
    private static final Map<String, String> CI = Map.of("GITHUB_SERVER_URL", "https://github.com",
            "GITHUB_REPOSITORY", "harbor/shop", "GITHUB_RUN_ID", "4242");
    private static final List<ChangedCommit> COMMITS = List.of(
            new ChangedCommit("9f8e7d6", "Ada Lovelace", START.minusSeconds(600), "Total the cart <fast> & lazily",
                    List.of("M cart.js"), false, 0),
            new ChangedCommit("5e5e5e5", "Grace Hopper", START.minusSeconds(900), "Fix the footer", List.of("M footer.html"), false, 0));

    private TestSite receiver;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ManualClock clock = ManualClock.at("2026-11-25T10:05:00Z");

    @BeforeEach
    void start() {
        receiver = TestSite.start();
        receiver.route("/services/" + TOKEN, q -> Reply.status(200, "ok"));
        receiver.route("/hook", q -> Reply.json("{}"));
        receiver.route("/api/annotations", q -> Reply.json("{\"id\":1,\"message\":\"Annotation added\"}"));
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private Suite suite(String notify) throws Exception {
        String yaml = "name: shop\ntarget: https://shop.example.com\ntimeouts: { request: 1s }\n"
                + "pages: [{ id: home, path: / }]\nnotify:\n" + notify;
        return new SuiteLoader(Map.of("GRAFANA_TOKEN", "glsa_grafanaToken7")).parse(yaml, Path.of("suite.yaml"));
    }

    private String slack() {
        return receiver.url("/services/" + TOKEN);
    }

    private static RunRecord run(List<CheckResult> others) {
        List<CheckResult> checks = new ArrayList<>();
        checks.add(new CheckResult(CommitCheck.ID, CommitCheck.KIND, "the release is live", dev.gate.checks.Status.PASS,
                "9f8e7d6 is live on 1 location", List.of(), Map.of(), List.of(), "", Duration.ofSeconds(42)));
        checks.addAll(others);
        return RunRecord.decided(new RunRecord.SuiteRef("shop", "suite.yaml"), "https://shop.example.com", NEW,
                new CommitOutcome(Liveness.LIVE, Optional.of(NEW), Optional.of(OLD)), checks, dev.gate.verdict.Policy.FAIL_CLOSED,
                new RunRecord.Times(START, START.plusSeconds(90), START.plusSeconds(90)), false, Shard.ALL);
    }

    private static RunRecord blocked() {
        return run(List.of(CheckResult.pass("home", "page", "home", "rendered in 1.2s"),
                CheckResult.fail("checkout", "page", "checkout", "/checkout: 2 console errors: Uncaught TypeError")));
    }

    private static RunRecord passed() {
        return run(List.of(CheckResult.pass("home", "page", "home", "rendered in 1.2s")));
    }

    private static RunRecord rollbackFailed() {
        RunRecord r = blocked();
        return r.withActions(List.of(new ActionRecord(ActionRecord.ROLLBACK, "failed", START.plusSeconds(120),
                        "the rollback command exited with 1", List.of(), Map.of())))
                .withOutcome(ExitStatus.PERSON_NEEDED, r.reason() + "; the rollback failed", START.plusSeconds(130));
    }

    private Notifications notifications(Suite suite) {
        return new Notifications(suite, CI, clock, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private List<ActionRecord> outcome(Suite suite, RunRecord record) throws InterruptedException {
        return notifications(suite).outcome(record, COMMITS, Path.of("/runs/1"));
    }

    private List<JsonNode> received(String path) {
        return receiver.requests(path).stream().map(r -> {
            try {
                return Json.mapper().readTree(r.body());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private String printed() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aBlockReachesSlackAsBlockKitWithATextFallback() throws Exception {
        Suite suite = suite("  - slack: " + slack() + "\n");

        List<ActionRecord> actions = outcome(suite, blocked());

        assertThat(receiver.requests("/services/" + TOKEN)).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("Content-Type")).isEqualTo("application/json; charset=utf-8");
        });
        JsonNode m = received("/services/" + TOKEN).get(0);
        assertThat(m.path("text").asText()).isEqualTo("shop: BLOCK for 9f8e7d6 on https://shop.example.com: "
                + "checkout: /checkout: 2 console errors: Uncaught TypeError");
        JsonNode blocks = m.path("blocks");
        assertThat(blocks).extracting(b -> b.path("type").asText()).containsExactly("header", "section", "section", "context");
        assertThat(blocks.get(0).path("text").path("type").asText()).isEqualTo("plain_text");
        assertThat(blocks.get(0).path("text").path("text").asText()).isEqualTo("shop: BLOCK for 9f8e7d6 on https://shop.example.com");
        assertThat(blocks.get(1).path("text").path("type").asText()).isEqualTo("mrkdwn");
        assertThat(blocks.get(1).path("text").path("text").asText()).isEqualTo(
                "*BLOCK:* checkout: /checkout: 2 console errors: Uncaught TypeError\n"
                        + "• FAIL checkout: /checkout: 2 console errors: Uncaught TypeError");
        assertThat(blocks.get(2).path("text").path("text").asText()).isEqualTo("*Changes* 1a2b3c4..9f8e7d6:\n"
                + "• `9f8e7d6` Total the cart &lt;fast&gt; &amp; lazily (Ada Lovelace)\n"
                + "• `5e5e5e5` Fix the footer (Grace Hopper)");
        assertThat(blocks.get(3).path("elements").get(0).path("text").asText()).isEqualTo(
                "<https://github.com/harbor/shop/actions/runs/4242|the run> · 3 checks: 2 pass, 0 warn, 1 fail, 0 error");
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("notify");
            assertThat(a.outcome()).isEqualTo("succeeded");
            assertThat(a.summary()).isEqualTo("block message to slack " + receiver.url().toString().replaceAll("/$", "")
                    + "/••• answered HTTP 200");
        });
    }

    @Test
    void theGenericWebhookCarriesTheRunSummary() throws Exception {
        Suite suite = suite("  - webhook: " + receiver.url("/hook") + "\n");

        outcome(suite, rollbackFailed());

        JsonNode m = received("/hook").get(0);
        assertThat(m.path("schema").asText()).isEqualTo("gate.notify/1");
        assertThat(m.path("event").asText()).isEqualTo("rollback-failed");
        assertThat(m.path("suite").asText()).isEqualTo("shop");
        assertThat(m.path("target").asText()).isEqualTo("https://shop.example.com");
        assertThat(m.path("expected_commit").asText()).isEqualTo(NEW.hex());
        assertThat(m.path("previous_commit").asText()).isEqualTo(OLD.hex());
        assertThat(m.path("release").asText()).isEqualTo("live");
        assertThat(m.path("commits")).extracting(c -> c.path("sha").asText() + " " + c.path("author").asText())
                .containsExactly("9f8e7d6 Ada Lovelace", "5e5e5e5 Grace Hopper");
        assertThat(m.path("verdict").asText()).isEqualTo("BLOCK");
        assertThat(m.path("reason").asText()).isEqualTo("checkout: /checkout: 2 console errors: Uncaught TypeError; the rollback failed");
        assertThat(m.path("exit_status").asInt()).isEqualTo(3);
        assertThat(m.path("rollback").path("state").asText()).isEqualTo("not_confirmed");
        assertThat(m.path("rollback").path("summary").asText()).isEqualTo("failed: the rollback command exited with 1");
        assertThat(m.path("link").asText()).isEqualTo("https://github.com/harbor/shop/actions/runs/4242");
        assertThat(m.path("checks").path("total").asInt()).isEqualTo(3);
        assertThat(m.path("checks").path("pass").asInt()).isEqualTo(2);
        assertThat(m.path("checks").path("fail").asInt()).isEqualTo(1);
        assertThat(m.path("failing")).singleElement().satisfies(f -> {
            assertThat(f.path("id").asText()).isEqualTo("checkout");
            assertThat(f.path("status").asText()).isEqualTo("FAIL");
            assertThat(f.path("summary").asText()).isEqualTo("/checkout: 2 console errors: Uncaught TypeError");
        });
    }

    @Test
    void theDeployMarkerIsGrafanasAnnotationBodyAtTheMomentTheReleaseWentLive() throws Exception {
        Suite suite = suite("  - annotate: " + receiver.url("/api/annotations") + "\n"
                + "    headers: { Authorization: \"Bearer ${env:GRAFANA_TOKEN}\" }\n");

        List<ActionRecord> actions = notifications(suite).live(blocked(), COMMITS, Path.of("/runs/1"));

        JsonNode m = received("/api/annotations").get(0);
        assertThat(m.path("time").asLong()).isEqualTo(START.plusSeconds(42).toEpochMilli());
        assertThat(m.path("tags")).extracting(JsonNode::asText).containsExactly("deploy", "shop", "commit:9f8e7d6");
        assertThat(m.path("text").asText()).isEqualTo("shop: 9f8e7d6 is live on https://shop.example.com (1a2b3c4..9f8e7d6)");
        assertThat(receiver.requests("/api/annotations").get(0).header("Authorization")).isEqualTo("Bearer glsa_grafanaToken7");
        assertThat(actions).extracting(ActionRecord::summary).allSatisfy(s -> assertThat(s).doesNotContain("glsa_grafanaToken7"));
    }

    @Test
    void eachReceiverHearsOnlyTheEventsItListsAndOneMessagePerMoment() throws Exception {
        receiver.route("/a", q -> Reply.json("{}"));
        receiver.route("/b", q -> Reply.json("{}"));
        receiver.route("/c", q -> Reply.json("{}"));
        Suite suite = suite("  - slack: " + slack() + "\n"
                + "  - webhook: " + receiver.url("/a") + "\n    on: [pass, warn]\n"
                + "  - webhook: " + receiver.url("/b") + "\n    on: [live, block]\n"
                + "  - webhook: " + receiver.url("/c") + "\n    on: [block, rollback-failed]\n");
        Notifications notify = notifications(suite);

        notify.live(passed(), COMMITS, Path.of("/runs/1"));
        notify.outcome(passed(), COMMITS, Path.of("/runs/1"));
        notify.outcome(rollbackFailed(), COMMITS, Path.of("/runs/2"));

        assertThat(received("/services/" + TOKEN)).extracting(m -> m.path("blocks").get(0).path("text").path("text").asText())
                .containsExactly("shop: BLOCK for 9f8e7d6, and the rollback failed: a person is needed now");
        assertThat(received("/a")).extracting(m -> m.path("event").asText()).containsExactly("pass");
        assertThat(received("/b")).extracting(m -> m.path("event").asText()).containsExactly("live", "block");
        assertThat(received("/c")).extracting(m -> m.path("event").asText()).containsExactly("rollback-failed");
    }

    @Test
    void aShardsRunIsToldOnlyOnceTheShardsAreMerged() throws Exception {
        Suite suite = suite("  - webhook: " + receiver.url("/hook") + "\n    on: [live, block]\n");
        RunRecord shard = RunRecord.decided(new RunRecord.SuiteRef("shop", "suite.yaml"), "https://shop.example.com", NEW,
                new CommitOutcome(Liveness.LIVE, Optional.of(NEW), Optional.of(OLD)), blocked().checks(),
                dev.gate.verdict.Policy.FAIL_CLOSED, RunRecord.Times.at(START, START), false, Shard.parse("1/2").orElseThrow());

        assertThat(notifications(suite).live(shard, COMMITS, Path.of("/runs/1"))).isEmpty();
        assertThat(notifications(suite).outcome(shard, COMMITS, Path.of("/runs/1"))).isEmpty();
        assertThat(receiver.requests()).isEmpty();
    }

    @Test
    void aReceiverAnswering500IsTriedOnceMoreThenWarned() throws Exception {
        receiver.route("/services/" + TOKEN, q -> Reply.status(500, "upstream broke at /services/" + TOKEN));
        Suite suite = suite("  - slack: " + slack() + "\n");

        List<ActionRecord> actions = outcome(suite, blocked());

        assertThat(receiver.requests("/services/" + TOKEN)).hasSize(2);
        String where = "slack " + receiver.url().toString().replaceAll("/$", "") + "/•••";
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("failed");
            assertThat(a.summary()).isEqualTo("block message to " + where
                    + " answered HTTP 500: upstream broke at ••• (tried twice); the verdict stands");
            assertThat(a.data()).containsEntry("tries", "2");
        });
        assertThat(printed()).isEqualTo("WARN  notify: block message to " + where
                + " answered HTTP 500: upstream broke at ••• (tried twice); the verdict stands\n");
        assertThat(printed()).doesNotContain(TOKEN);
    }

    @Test
    void aSecondTryThatSucceedsIsADelivery() throws Exception {
        receiver.route("/hook", q -> q.n() == 1 ? Reply.status(503, "busy") : Reply.json("{}"));
        Suite suite = suite("  - webhook: " + receiver.url("/hook") + "\n");

        List<ActionRecord> actions = outcome(suite, blocked());

        assertThat(receiver.requests("/hook")).hasSize(2);
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("succeeded");
            assertThat(a.data()).containsEntry("tries", "2");
        });
        assertThat(printed()).isEmpty();
    }

    @Test
    void aRejectedMessageIsNotSentAgain() throws Exception {
        receiver.route("/services/" + TOKEN, q -> Reply.status(403, "invalid_token"));
        Suite suite = suite("  - slack: " + slack() + "\n");

        List<ActionRecord> actions = outcome(suite, blocked());

        assertThat(receiver.requests("/services/" + TOKEN)).hasSize(1);
        assertThat(actions).singleElement().extracting(ActionRecord::summary).asString()
                .endsWith("/••• answered HTTP 403: invalid_token; the verdict stands");
    }

    @Test
    void aReceiverThatHangsCostsTheRequestTimeoutAndIsNotTriedAgain() throws Exception {
        receiver.route("/hook", q -> Reply.json("{}").after(Duration.ofSeconds(5)));
        Suite suite = suite("  - webhook: " + receiver.url("/hook") + "\n");

        List<ActionRecord> actions = outcome(suite, blocked());

        assertThat(receiver.requests("/hook")).hasSize(1);
        assertThat(actions).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("failed");
            assertThat(a.summary()).endsWith("/••• no answer within 1s; the verdict stands");
        });
        assertThat(printed()).startsWith("WARN  notify: block message to webhook ");
    }

    @Test
    void withoutCiTheLinkIsTheReportsPath() throws Exception {
        Suite suite = suite("  - webhook: " + receiver.url("/hook") + "\n");

        new Notifications(suite, Map.of(), clock, new PrintStream(console, true, StandardCharsets.UTF_8))
                .outcome(blocked(), List.of(), Path.of("/runs/7"));

        assertThat(received("/hook").get(0).path("link").asText()).isEqualTo("/runs/7/report.html");
    }
}
