package dev.gate.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gate.checks.testing.TestSite;
import dev.gate.cli.Cli;
import dev.gate.realstack.LocalNginx;
import dev.gate.suite.HistorySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real commands with the deploy history: a site on 127.0.0.1 whose API takes about 25 ms, the
 * history in the default SQLite file, {@code gate history} reading it back; a history that cannot
 * be reached; and a seeded history of 30 deploys whose two steps the trip-wire names.
 */
class DeployHistoryIT {
    private static final Duration API_TIME = Duration.ofMillis(25);

    @TempDir
    Path dir;
    private TestSite site;
    private final AtomicReference<String> live = new AtomicReference<>(commit(1));
    private final AtomicReference<Duration> apiTime = new AtomicReference<>(API_TIME);
    private Cli cli;

    static String commit(int n) {
        return String.format("%07x", 0xe000000 + n) + "f".repeat(33);
    }

    @BeforeEach
    void start() {
        site = TestSite.start()
                .route("/version", r -> TestSite.Reply.json("{\"commit\":\"" + live.get() + "\"}"))
                .route("/api/products", r -> TestSite.Reply.json("{\"products\":[1,2,3]}").after(apiTime.get()));
        cli = new Cli(dir);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private Path suite(String extra) throws Exception {
        return Files.writeString(dir.resolve("suite.yaml"), "name: shop\ntarget: " + site.url() + "\n"
                + "timeouts: { request: 2s, page: 20s, run: 2m }\n"
                + "commit: { marker: { json: /version, field: commit }, converge: { consecutive: 1, timeout: 3s, interval: 500ms } }\n"
                + "apis:\n  - { id: products, request: { path: /api/products } }\n"
                + "latency: { endpoints: [products], samples: 20, max_samples: 20, round: 5, confirm: 0, warmup: 5 }\n" + extra);
    }

    private Cli.Result verify(int n) {
        live.set(commit(n));
        cli.clock().advance(Duration.ofHours(1));
        return cli.run("verify", "--suite", "suite.yaml", "--expect-commit", commit(n), "--no-rollback",
                "--out", "runs/" + n);
    }

    @Test
    void everyRunIsRecordedAndGateHistoryShowsTheDeploys() throws Exception {
        suite("");
        Cli.Result baseline = cli.run("baseline", "--suite", "suite.yaml");
        assertThat(baseline.exit()).as(baseline.all()).isZero();
        assertThat(baseline.out()).contains("history: recorded this baseline in " + dir.resolve(".gate/history.db"));
        for (int n = 2; n <= 4; n++) {
            Cli.Result r = verify(n);
            assertThat(r.exit()).as(r.all()).isZero();
            assertThat(r.out()).contains("history: recorded this verify in");
        }

        Cli.Result table = cli.run("history", "--suite", "suite.yaml");
        assertThat(table.exit()).as(table.all()).isZero();
        List<String> lines = table.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("gate history · shop · .gate/history.db · 3 deploys");
        assertThat(lines.get(1)).startsWith("when (UTC)").contains("commit").contains("verdict").contains("rolled back");
        assertThat(lines.subList(2, 5)).extracting(l -> l.substring(18, 25))
                .containsExactly(commit(2).substring(0, 7), commit(3).substring(0, 7), commit(4).substring(0, 7));
        assertThat(lines.subList(2, 5)).allSatisfy(l -> assertThat(l).containsPattern("PASS +- +products \\d+\\.\\d ms"));

        Cli.Result json = cli.run("history", "--suite", "suite.yaml", "--json", "--last", "2");
        JsonNode doc = new ObjectMapper().readTree(json.out());
        assertThat(doc.get("schema").asText()).isEqualTo("gate.history/1");
        assertThat(doc.get("deploys")).hasSize(2);
        JsonNode products = doc.get("deploys").get(1).get("endpoints").get("products");
        assertThat(products.get("n").asInt()).isEqualTo(20);
        assertThat(products.get("median_ms").asDouble()).isGreaterThanOrEqualTo(API_TIME.toMillis());

        Cli.Result html = cli.run("history", "--suite", "suite.yaml", "--html", "trend.html");
        assertThat(html.exit()).as(html.all()).isZero();
        String page = Files.readString(dir.resolve("trend.html"));
        assertThat(page).contains("<svg").contains("GET /api/products").contains(commit(3).substring(0, 7))
                .doesNotContain("<script");

        Cli.Result unknown = cli.run("history", "--suite", "suite.yaml", "--endpoint", "nope");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("--endpoint: \"nope\" names no page or API of the suite shop");
    }

    @Test
    void aHistoryThatCannotBeReachedIsAWarnLineAndTheVerdictStands() throws Exception {
        String password = "db-Pass-93f1c2";
        cli.env("GATE_DB_PASSWORD", password);
        int closed = LocalNginx.freePort();
        suite("history: { url: \"jdbc:postgresql://127.0.0.1:" + closed + "/gate?password=${env:GATE_DB_PASSWORD}\","
                + " user: gate, password: \"${env:GATE_DB_PASSWORD}\" }\n");

        Cli.Result r = verify(2);

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("WARN could not read the deploy history at postgresql://127.0.0.1:" + closed + "/gate: ")
                .contains("the trip-wire judges nothing in this run")
                .contains("WARN could not record this run in the deploy history at postgresql://127.0.0.1:" + closed + "/gate: ")
                .contains("; the verdict stands");
        assertThat(r.all()).doesNotContain(password);
        String record = Files.readString(dir.resolve("runs/2/result.json"));
        // the verdict is what it is without a history: a warning for the missing baseline, nothing more
        assertThat(record).contains("\"verdict\" : \"WARN\"").contains("no baseline samples to compare with")
                .doesNotContain("tripwire").doesNotContain(password);
        try (Stream<Path> files = Files.walk(dir.resolve("runs/2"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password);
            }
        }
    }

    @Test
    void theTripwireNamesTheTwoDeploysAtWhichTheEndpointSteppedUp() throws Exception {
        suite("");
        Cli.Result baseline = cli.run("baseline", "--suite", "suite.yaml");
        Matcher m = Pattern.compile("products: 20 samples, median (\\d+\\.\\d) ms").matcher(baseline.out());
        assertThat(m.find()).as(baseline.out()).isTrue();
        double now = Double.parseDouble(m.group(1));
        // 30 earlier deploys that each passed: +20% at deploy 10 and +20% again at deploy 22, ±2% noise,
        // so the live release sits 20% above the median of the last 20
        java.util.Random random = new java.util.Random(11);
        List<RunEntry> seeded = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double level = now / 1.44 * (i >= 10 ? 1.2 : 1) * (i >= 22 ? 1.2 : 1);
            double median = level * Math.exp(0.02 * random.nextGaussian());
            RunEntry e = HistoryStoreContract.entry("shop", RunKind.VERIFY, Optional.empty(), i + 100, median, "PASS", List.of());
            seeded.add(new RunEntry(e.suite(), e.kind(), e.target(), e.shard(), Optional.of(commit(100 + i)),
                    Optional.of(commit(99 + i)), e.observedCommit(), e.subject(), e.verdict(), 0, e.reason(), "none",
                    e.startedAt(), e.finishedAt(), e.runFolder(), e.checks(), e.endpoints(), e.pages()));
        }
        try (HistoryDatabase db = HistoryDatabase.open(HistorySpec.DEFAULT, dir, Duration.ofSeconds(5))) {
            HistoryStore store = new HistoryStore(db, Duration.ofSeconds(5));
            for (RunEntry e : seeded) {
                store.record(e);
            }
        }

        Cli.Result r = verify(200);

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).containsPattern("GET /api/products: median \\d+\\.\\d ms is \\d+\\.\\dσ above its last 20 deploys")
                .contains("it rose at " + commit(110).substring(0, 7) + " (+")
                .contains(" and " + commit(122).substring(0, 7) + " (+");
        String record = Files.readString(dir.resolve("runs/200/result.json"));
        JsonNode checks = new ObjectMapper().readTree(record).get("checks");
        JsonNode trip = null;
        for (JsonNode c : checks) {
            if (c.get("id").asText().equals("products-tripwire")) {
                trip = c;
            }
        }
        assertThat(trip).as(record).isNotNull();
        assertThat(trip.get("status").asText()).isEqualTo("WARN");
        assertThat(trip.get("summary").asText()).doesNotContain("this deploy");
        assertThat(new ObjectMapper().readTree(record).get("verdict").asText()).isEqualTo("WARN");
    }

    @Test
    void watchFiresWhenTheLiveReleaseSlowsDownHoursAfterItsDeploy() throws Exception {
        suite("");
        assertThat(cli.run("baseline", "--suite", "suite.yaml").exit()).isZero();
        assertThat(verify(2).exit()).isZero();

        cli.clock().advance(Duration.ofHours(2));
        Cli.Result quiet = cli.run("watch", "--suite", "suite.yaml", "--for", "30m", "--every", "15m");
        assertThat(quiet.exit()).as(quiet.all()).isZero();
        assertThat(quiet.out()).contains("gate watch · shop").contains("round 3").contains("gate watch: 3 rounds, nothing fired");

        apiTime.set(Duration.ofMillis(70));
        Cli.Result slow = cli.run("watch", "--suite", "suite.yaml");
        assertThat(slow.exit()).as(slow.all()).isEqualTo(1);
        assertThat(slow.out()).containsPattern("gate watch: GET /api/products[^\\n]* slower")
                .contains("(the release " + commit(2).substring(0, 7) + " is live; compared with the baseline before its deploy)");

        // watch rounds are recorded, but they are not deploys
        Cli.Result table = cli.run("history", "--suite", "suite.yaml");
        assertThat(table.out().lines().findFirst().orElseThrow()).endsWith("· 1 deploy");
        try (HistoryDatabase db = HistoryDatabase.open(HistorySpec.DEFAULT, dir, Duration.ofSeconds(5));
             var s = db.connection().createStatement();
             var r = s.executeQuery("SELECT COUNT(*) FROM runs WHERE kind = 'watch'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isEqualTo(4);
        }

        Cli.Result bad = cli.run("watch", "--suite", "suite.yaml", "--every", "5m");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("--every: only with --for");
    }
}
