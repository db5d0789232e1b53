package dev.gate.realstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Sleeper;
import dev.gate.checks.Status;
import dev.gate.demo.DemoPrometheus;
import dev.gate.realstack.InstrumentedShop.Behaviour;
import dev.gate.run.MetricsStage;
import dev.gate.run.RunListener;
import dev.gate.run.Runner;
import dev.gate.suite.Suite;
import dev.gate.suite.SuiteLoader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics stage against a real Prometheus scraping a real instrumented shop every second. One
 * deploy, judged once on windows of 16 s before and 10 s after with a 2 s step, answers every case:
 * each route changes (or not) in its own way at the deploy, and each query asks about one route.
 * Time passes for real here, since Prometheus scrapes in real time: the traffic runs for the window
 * before the deploy, and the stage waits for the window after it.
 */
class RealPrometheusIT {
    private static final String TOKEN = "prom-s3cret-token";

    @TempDir
    Path dir;

    @Test
    void eachKindOfQueryDecidesOnTheWindowsARealPrometheusRecorded() throws Exception {
        Optional<Path> binary = DemoPrometheus.binary(System.getenv());
        assumeTrue(binary.isPresent(), "prometheus is not installed (bin/test installs Debian's prometheus)");
        try (InstrumentedShop shop = InstrumentedShop.start();
             DemoPrometheus prometheus = DemoPrometheus.start(binary.get(), dir.resolve("prometheus"),
                     URI.create("http://127.0.0.1:" + shop.port()))) {
            Suite suite = suite(prometheus);
            shop.route("/same", new Behaviour(15, 50));
            shop.route("/rising", new Behaviour(5, 50));
            shop.route("/newly-failing", new Behaviour(5, 0));
            shop.route("/slower", new Behaviour(20, 0));
            shop.sendTraffic(20);
            // the window before the deploy, and a few seconds for the rates' ranges to fill
            TimeUnit.SECONDS.sleep(20);

            Instant deploy = Instant.now();
            shop.route("/rising", new Behaviour(5, 8));
            shop.route("/newly-failing", new Behaviour(5, 10));
            shop.route("/slower", new Behaviour(28, 0));
            List<CheckResult> results = new MetricsStage(suite, deploy).liveSince(deploy)
                    .run(Runner.context(suite, dir, Clock.systemUTC(), Sleeper.real(), RunListener.SILENT));
            Map<String, CheckResult> byId = results.stream().collect(Collectors.toMap(CheckResult::id, Function.identity()));

            String lines = results.stream().map(r -> r.status() + " " + r.id() + "  " + r.summary())
                    .collect(Collectors.joining("\n"));
            assertThat(byId).as(lines).hasSize(11);
            assertThat(byId.get("same-errors").status()).as(byId.get("same-errors").summary()).isEqualTo(Status.PASS);
            assertThat(byId.get("same-latency").status()).as(byId.get("same-latency").summary()).isEqualTo(Status.PASS);
            assertThat(byId.get("rising-errors").status()).isEqualTo(Status.FAIL);
            assertThat(byId.get("rising-errors").summary()).matches(
                    "[0-9.]+% → [0-9.]+% after the deploy \\(\\d+ of \\d+ requests, p=[0-9.e-]+\\); worth blocking above \\+2%: .*");
            assertThat(byId.get("newly-failing").status()).as(byId.get("newly-failing").summary()).isEqualTo(Status.FAIL);
            assertThat(byId.get("newly-failing").summary()).startsWith("0% → ");
            assertThat(byId.get("newly-failing").metrics()).containsEntry("errors_before", 0L);
            assertThat(byId.get("slower").status()).as(byId.get("slower").summary()).isEqualTo(Status.FAIL);
            // a 28 ms sleep answers in 30 ms or more when the machine is busy (a CI run measured 21 → 30 ms)
            assertThat(byId.get("slower").summary()).matches("median [12]\\d\\.?\\d* ms → [23]\\d\\.?\\d* ms after the deploy "
                    + "\\(\\+[0-9.]+%, \\d+ points, p=[0-9.e-]+\\); worth blocking above \\+10%: .*");
            assertThat((Double) byId.get("slower").metrics().get("effect")).isGreaterThan(0.25);
            assertThat(byId.get("rate-held").status()).as(byId.get("rate-held").summary()).isEqualTo(Status.PASS);
            assertThat(byId.get("errors-per-second").status()).isEqualTo(Status.FAIL);
            assertThat(byId.get("errors-per-second").summary()).contains("points past the limit").endsWith("limit max 1");
            assertThat(byId.get("unknown-metric").status()).isEqualTo(Status.ERROR);
            assertThat(byId.get("unknown-metric").summary()).startsWith("no data before the deploy (")
                    .endsWith("the query matched nothing; check it in Prometheus, or set allow_no_data: true");
            assertThat(byId.get("unknown-allowed").status()).isEqualTo(Status.WARN);
            assertThat(byId.get("unknown-allowed").summary()).endsWith("(allowed by allow_no_data)");
            assertThat(byId.get("bad-query").status()).isEqualTo(Status.ERROR);
            assertThat(byId.get("bad-query").summary()).startsWith("Prometheus at " + prometheus.url() + " answered HTTP 400 bad_data: ");
            assertThat(results).allSatisfy(r -> assertThat(r.summary() + r.name() + r.details()).doesNotContain(TOKEN));
        }
    }

    private Suite suite(DemoPrometheus prometheus) throws Exception {
        Path file = dir.resolve("gate.yaml");
        Files.writeString(file, """
                target: http://127.0.0.1:9
                commit: { marker: { json: /version, field: commit } }
                apis: [{ id: health, request: { path: /health } }]
                metrics:
                  prometheus: { url: %s, headers: { Authorization: "Bearer ${env:PROM_TOKEN}" } }
                  before: 16s
                  after: 10s
                  step: 2s
                  queries:
                    - { id: same-errors, kind: ratio, max_increase: 2%%,
                        errors: 'sum(increase(http_requests_total{route="/same",code=~"5.."}[$__step]))',
                        total: 'sum(increase(http_requests_total{route="/same"}[$__step]))' }
                    - { id: rising-errors, kind: ratio, max_increase: 2%%,
                        errors: 'sum(increase(http_requests_total{route="/rising",code=~"5.."}[$__step]))',
                        total: 'sum(increase(http_requests_total{route="/rising"}[$__step]))' }
                    - { id: newly-failing, kind: ratio, max_increase: 2%%,
                        errors: 'sum(increase(http_requests_total{route="/newly-failing",code=~"5.."}[$__step]))',
                        total: 'sum(increase(http_requests_total{route="/newly-failing"}[$__step]))' }
                    - { id: same-latency, kind: latency, min_effect: 10%%,
                        query: 'histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{route="/same"}[3s])) by (le))' }
                    - { id: slower, kind: latency, min_effect: 10%%,
                        query: 'histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{route="/slower"}[3s])) by (le))' }
                    - { id: rate-held, kind: threshold, min: 5, max: 1000,
                        query: 'sum(rate(http_requests_total{route="/same"}[3s]))' }
                    - { id: errors-per-second, kind: threshold, max: 1,
                        query: 'sum(rate(http_requests_total{route="/rising",code=~"5.."}[3s]))' }
                    - { id: unknown-metric, kind: latency, query: 'max(no_such_metric_seconds)' }
                    - { id: unknown-allowed, kind: latency, query: 'max(no_such_metric_seconds)', allow_no_data: true }
                    - { id: bad-query, kind: threshold, max: 1, query: 'sum(' }
                    - { id: constant-holds, kind: threshold, max: 100, query: 'vector(1)' }
                """.formatted(prometheus.url()));
        return new SuiteLoader(Map.of("PROM_TOKEN", TOKEN)).load(file);
    }
}
