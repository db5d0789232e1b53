package dev.gate.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Stage;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.testing.ManualClock;
import dev.gate.suite.Suite;
import dev.gate.suite.SuiteLoader;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsStageTest {
    private static final String TOKEN = "s3cr3t-prom-token";

    @TempDir
    Path dir;

    private Suite suite(int port) throws Exception {
        return new SuiteLoader(Map.of("PROM_TOKEN", TOKEN)).parse("""
                target: http://127.0.0.1:9
                pages: [{ id: home, path: / }]
                latency: { endpoints: [home] }
                metrics:
                  prometheus: { url: "http://127.0.0.1:%d", headers: { Authorization: "Bearer ${env:PROM_TOKEN}" } }
                  before: 1m
                  after: 2m
                  step: 10s
                  queries:
                    - { id: error-ratio, kind: ratio, errors: e, total: t, max_increase: 1%% }
                    - { id: depth, kind: threshold, query: q, max: 10 }
                """.formatted(port), dir.resolve("gate.yaml"));
    }

    @Test
    void prometheusDownIsAnErrorNamingItsUrlAndNeverItsHeaders() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Suite suite = suite(port);
        ManualClock clock = ManualClock.at("2026-12-01T15:00:00Z");
        List<String> notes = new ArrayList<>();
        RunListener listener = new RunListener() {
            @Override
            public void progress(String id, String message) {
                notes.add(id + ": " + message);
            }
        };
        Instant live = clock.instant();

        List<CheckResult> results = new MetricsStage(suite, live.minusSeconds(30)).liveSince(live)
                .run(Runner.context(suite, dir, clock, clock, listener));

        assertThat(results).extracting(CheckResult::id).containsExactly("error-ratio", "depth");
        assertThat(results).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Status.ERROR);
            assertThat(r.summary()).isEqualTo("Prometheus at http://127.0.0.1:" + port
                    + " cannot be reached: connection refused by 127.0.0.1:" + port);
            assertThat(r.summary() + r.name() + r.details() + r.metrics()).doesNotContain(TOKEN);
        });
        // known before the wait for the window after the deploy, which would prove nothing
        assertThat(clock.slept()).isEqualTo(Duration.ZERO);
        assertThat(notes).isEmpty();
    }

    @Test
    void theWindowAfterTheDeployIsWaitedForWithAProgressLineThenRead() throws Exception {
        // a server that answers as Prometheus answers a query that matches nothing
        HttpServer empty = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());
        empty.createContext("/", exchange -> {
            asked.add(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        empty.start();
        try {
            Suite suite = suite(empty.getAddress().getPort());
            ManualClock clock = ManualClock.at("2026-12-01T15:00:00Z");
            List<String> notes = new ArrayList<>();
            RunListener listener = new RunListener() {
                @Override
                public void progress(String id, String message) {
                    notes.add(id + ": " + message);
                }
            };
            Instant live = clock.instant();

            List<CheckResult> results = new MetricsStage(suite, live.minusSeconds(30)).liveSince(live)
                    .run(Runner.context(suite, dir, clock, clock, listener));

            // the window after the deploy, and one step for its last scrape, waited for with the sleeper
            assertThat(clock.instant()).isEqualTo(live.plus(Duration.ofMinutes(2)).plusSeconds(10));
            assertThat(notes).first().isEqualTo("metrics: watching the team's metrics after the deploy: 0s of 2m");
            assertThat(notes).contains("metrics: watching the team's metrics after the deploy: 48s of 2m")
                    .last().isEqualTo("metrics: watching the team's metrics after the deploy: 2m of 2m");
            assertThat(results).extracting(CheckResult::status).containsExactly(Status.ERROR, Status.ERROR);
            assertThat(results.get(0).summary()).isEqualTo("no data before the deploy (14:58:30Z to 14:59:30Z): the query "
                    + "matched nothing; check it in Prometheus, or set allow_no_data: true");
            assertThat(results.get(1).summary()).startsWith("no data after the deploy (15:00:00Z to 15:02:00Z)");
            assertThat(asked).isNotEmpty().allMatch(a -> a.equals("/api/v1/query_range Bearer " + TOKEN));
        } finally {
            empty.stop(0);
        }
    }

    @Test
    void aLatencyWindowOfOnlyInfinitePointsIsNoDataOfThatQueryAlone() throws Exception {
        // histogram_quantile over steps without requests: every point +Inf, which the rank test cannot rank
        Instant live = Instant.parse("2026-12-01T15:00:00Z");
        StringBuilder values = new StringBuilder();
        for (long t = live.getEpochSecond() - 60; t <= live.getEpochSecond() + 120; t += 10) {
            values.append(values.length() == 0 ? "" : ",").append("[").append(t).append(",\"+Inf\"]");
        }
        byte[] body = ("{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[{\"metric\":{},"
                + "\"values\":[" + values + "]}]}}").getBytes(StandardCharsets.UTF_8);
        HttpServer infinite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        infinite.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        infinite.start();
        try {
            Suite suite = new SuiteLoader(Map.of()).parse("""
                    target: http://127.0.0.1:9
                    pages: [{ id: home, path: / }]
                    metrics:
                      prometheus: { url: "http://127.0.0.1:%d" }
                      before: 1m
                      after: 2m
                      step: 10s
                      queries:
                        - { id: p95, kind: latency, query: q }
                        - { id: depth, kind: threshold, query: q, max: 10 }
                    """.formatted(infinite.getAddress().getPort()), dir.resolve("gate.yaml"));
            ManualClock clock = ManualClock.at("2026-12-01T15:00:00Z");

            List<CheckResult> results = new MetricsStage(suite, live.minusSeconds(30)).liveSince(live)
                    .run(Runner.context(suite, dir, clock, clock, RunListener.SILENT));

            // each query its own result: the latency one is no data, the threshold one still decided
            assertThat(results).extracting(CheckResult::id).containsExactly("p95", "depth");
            assertThat(results.get(0).status()).isEqualTo(Status.ERROR);
            assertThat(results.get(0).summary()).startsWith("no data before the deploy (14:58:30Z to 14:59:30Z): only 0 of its ")
                    .contains("points in the window are finite numbers").contains("need 3");
            assertThat(results.get(1).summary()).doesNotContain("no data");
        } finally {
            infinite.stop(0);
        }
    }

    @Test
    void metricsRunOnceInTheShardThatKeepsLatency() throws Exception {
        Suite suite = suite(9);
        for (int n = 1; n <= 4; n++) {
            int withMetrics = 0;
            for (int k = 1; k <= n; k++) {
                Shard shard = new Shard(k, n);
                Plan plan = Plan.of(new Plan.Inputs(suite, CommitId.parse("abcdef1234567").orElseThrow(),
                        Before.NOTHING.withDeployStarted(Instant.EPOCH), shard, Optional.empty()));
                List<String> stages = plan.stages().stream().map(Stage::id).toList();
                assertThat(stages.contains("metrics")).as("shard " + shard).isEqualTo(stages.contains("latency"));
                withMetrics += stages.contains("metrics") ? 1 : 0;
            }
            assertThat(withMetrics).as("shards of " + n).isEqualTo(1);
        }
    }
}
