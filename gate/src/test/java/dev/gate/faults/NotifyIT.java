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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code notify:} through the real command line: {@code gate verify} against a local site, with
 * its messages sent to a second local server standing for Slack, a webhook and Grafana.
 */
class NotifyIT {
    private static final String HOOK_PATH = "/services/T0001/B0001/notifyItSecret9";

    @TempDir
    Path dir;
    private TestSite site;
    private TestSite receiver;

    @BeforeEach
    void start() {
        site = TestSite.start();
        site.route("/api/health", q -> Reply.json("{\"status\":\"ok\"}"));
        receiver = TestSite.start();
    }

    @AfterEach
    void stop() {
        site.close();
        receiver.close();
    }

    private Cli.Result verify(Cli gate, String notify) {
        Suites.write(dir, "suite.yaml", Suites.apisOnly(site.url(), "notify:\n" + notify));
        return assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));
    }

    private static JsonNode json(String body) {
        try {
            return Json.mapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> notifyActions(JsonNode record) {
        List<JsonNode> out = new java.util.ArrayList<>();
        record.path("actions").forEach(a -> {
            if (a.path("kind").asText().equals("notify")) {
                out.add(a);
            }
        });
        return out;
    }

    @Test
    void aBlockedDeployReachesSlackWithItsReasonAndTheHookStaysSecret() {
        site.route("/version", q -> Reply.json("{\"commit\":\"" + OLD + "\"}"));
        receiver.route(HOOK_PATH, q -> Reply.status(200, "ok"));
        Cli gate = new Cli(dir).env("GITHUB_SERVER_URL", "https://github.com").env("GITHUB_REPOSITORY", "harbor/shop")
                .env("GITHUB_RUN_ID", "77");

        Cli.Result r = verify(gate, "  - slack: " + receiver.url(HOOK_PATH) + "\n");

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode record = RunFolders.record(dir.resolve("run"), 1);
        String reason = record.path("reason").asText();
        assertThat(reason).startsWith("commit: ");
        assertThat(receiver.requests(HOOK_PATH)).hasSize(1);
        JsonNode message = json(receiver.requests(HOOK_PATH).get(0).body());
        assertThat(message.path("text").asText()).isEqualTo("api: BLOCK for 9f8e7d6 on " + site.url() + ": " + reason);
        assertThat(message.path("blocks").get(0).path("type").asText()).isEqualTo("header");
        assertThat(message.path("blocks").get(1).path("text").path("text").asText()).startsWith("*BLOCK:* " + reason);
        assertThat(message.path("blocks").get(2).path("elements").get(0).path("text").asText())
                .startsWith("<https://github.com/harbor/shop/actions/runs/77|the run>");
        assertThat(notifyActions(record)).singleElement().satisfies(a -> {
            assertThat(a.path("outcome").asText()).isEqualTo("succeeded");
            assertThat(a.path("summary").asText()).isEqualTo("block message to slack "
                    + receiver.url().toString().replaceAll("/$", "") + "/••• answered HTTP 200");
        });
        assertThat(RunFolders.filesContaining(dir.resolve("run"), HOOK_PATH)).isEmpty();
        assertThat(r.all()).doesNotContain(HOOK_PATH);
    }

    @Test
    void aReceiverThatHangsLeavesAPassingDeployPassingWithAWarning() {
        site.route("/version", q -> Reply.json("{\"commit\":\"" + NEW + "\"}"));
        receiver.route("/hook", q -> Reply.json("{}").after(Duration.ofSeconds(5)));
        receiver.route("/api/annotations", q -> Reply.json("{\"id\":1}"));
        Cli gate = new Cli(dir).env("GRAFANA_TOKEN", "glsa_notifyItToken3");

        Cli.Result r = verify(gate, "  - webhook: " + receiver.url("/hook") + "\n    on: [pass]\n"
                + "  - annotate: " + receiver.url("/api/annotations") + "\n"
                + "    headers: { Authorization: \"Bearer ${env:GRAFANA_TOKEN}\" }\n");

        assertThat(r.exit()).as(r.all()).isEqualTo(0);
        JsonNode record = RunFolders.record(dir.resolve("run"), 0);
        assertThat(record.path("verdict").asText()).isEqualTo("PASS");
        String hook = "webhook " + receiver.url().toString().replaceAll("/$", "") + "/•••";
        assertThat(r.out()).contains("WARN  notify: pass message to " + hook + " no answer within 1s; the verdict stands");
        assertThat(notifyActions(record)).extracting(a -> a.path("data").path("event").asText() + " "
                + a.path("data").path("kind").asText() + " " + a.path("outcome").asText())
                .containsExactly("live annotate succeeded", "pass webhook failed");
        assertThat(receiver.requests("/hook")).hasSize(1);
        assertThat(receiver.requests("/api/annotations")).singleElement().satisfies(q -> {
            assertThat(q.header("Authorization")).isEqualTo("Bearer glsa_notifyItToken3");
            assertThat(json(q.body()).path("text").asText()).isEqualTo("api: 9f8e7d6 is live on " + site.url() + " (9f8e7d6)");
        });
        assertThat(RunFolders.filesContaining(dir.resolve("run"), "glsa_notifyItToken3")).isEmpty();
        assertThat(RunFolders.filesContaining(dir.resolve("run"), receiver.url("/hook"))).isEmpty();
        assertThat(r.all()).doesNotContain("glsa_notifyItToken3").doesNotContain(receiver.url("/hook"));
    }

    @Test
    void aFailedRollbackIsToldAfterTheReleaseWentLiveAndNamesThePersonNeeded() {
        site.route("/version", q -> Reply.json("{\"commit\":\"" + NEW + "\"}"));
        site.route("/api/health", q -> Reply.json("{\"status\":\"down\"}"));
        receiver.route(HOOK_PATH, q -> Reply.status(200, "ok"));
        Path script = Suites.script(dir, "rollback.sh", "exit 1");

        Cli.Result r = verify(new Cli(dir), "  - slack: " + receiver.url(HOOK_PATH) + "\n"
                + "    on: [live, block, rollback-failed]\n"
                + "on_failure: { rollback: " + Suites.argv(script.toString()) + ", rollback_timeout: 5s }\n");

        assertThat(r.exit()).as(r.all()).isEqualTo(3);
        JsonNode record = RunFolders.record(dir.resolve("run"), 3);
        assertThat(receiver.requests(HOOK_PATH)).extracting(q -> json(q.body()).path("blocks").get(0).path("text").path("text").asText())
                .containsExactly("api: 9f8e7d6 is live on " + site.url(),
                        "api: BLOCK for 9f8e7d6, and the rollback failed: a person is needed now");
        List<String> kinds = new java.util.ArrayList<>();
        record.path("actions").forEach(a -> kinds.add(a.path("kind").asText() + " " + a.path("outcome").asText()));
        assertThat(kinds.indexOf("notify succeeded")).as("the live message before the rollback: " + kinds)
                .isLessThan(kinds.indexOf("rollback intended"));
        assertThat(kinds.get(kinds.size() - 1)).isEqualTo("notify succeeded");
        assertThat(json(receiver.requests(HOOK_PATH).get(1).body()).path("blocks").get(1).path("text").path("text").asText())
                .contains("*Rollback* failed: ");
    }

    @Test
    void theLiveMessageIsSentWhenTheReleaseIsLiveBeforeTheChecksThatFollow() {
        site.route("/version", q -> Reply.json("{\"commit\":\"" + NEW + "\"}"));
        receiver.route("/hook", q -> Reply.json("{}"));
        // the API answers ok only once the team has heard: sent with the verdict, the message would come too late
        site.route("/api/health", q -> receiver.requests("/hook").isEmpty()
                ? Reply.json("{\"status\":\"nobody told\"}") : Reply.json("{\"status\":\"ok\"}"));

        Cli.Result r = verify(new Cli(dir), "  - webhook: " + receiver.url("/hook") + "\n    on: [live, pass, block]\n");

        assertThat(r.exit()).as(r.all()).isEqualTo(0);
        assertThat(receiver.requests("/hook")).extracting(q -> json(q.body()).path("event").asText())
                .containsExactly("live", "pass");
        JsonNode live = json(receiver.requests("/hook").get(0).body());
        assertThat(live.has("verdict")).as("no verdict exists yet: " + live).isFalse();
        assertThat(live.has("reason")).isFalse();
        assertThat(live.path("expected_commit").asText()).isEqualTo(NEW);
        assertThat(notifyActions(RunFolders.record(dir.resolve("run"), 0)))
                .extracting(a -> a.path("data").path("event").asText()).containsExactly("live", "pass");
    }
}
