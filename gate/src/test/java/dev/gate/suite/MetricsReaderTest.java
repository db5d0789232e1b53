package dev.gate.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.metric.MetricQuery;
import dev.gate.checks.metric.MetricsSpec;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class MetricsReaderTest {
    private static final Path FILE = Path.of("suite.yaml");
    private static final String HEAD = "target: https://shop.example.com\npages: [{ id: home, path: / }]\n";

    private static Suite parse(String metrics) throws SuiteException {
        return new SuiteLoader(Map.of("PROM_TOKEN", "pr0m-t0ken")).parse(HEAD + metrics, FILE);
    }

    private static List<String> messages(String metrics) {
        try {
            parse(metrics);
            throw new AssertionError("the suite was accepted");
        } catch (SuiteException e) {
            return e.problems().stream().map(ConfigProblem::toString).toList();
        }
    }

    @Test
    void theIssuesExampleReadsIntoTypedQueries() throws Exception {
        Suite suite = parse("""
                metrics:
                  prometheus: { url: http://prometheus:9090/, headers: { Authorization: "Bearer ${env:PROM_TOKEN}" } }
                  before: 30m
                  after: 5m
                  step: 15s
                  queries:
                    - id: error-ratio
                      kind: ratio
                      errors: sum(increase(http_requests_total{job="shop",code=~"5.."}[$__step]))
                      total:  sum(increase(http_requests_total{job="shop"}[$__step]))
                      max_increase: 0.5%
                    - id: checkout-p95
                      kind: latency
                      query: histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket[1m])) by (le))
                      allow_no_data: true
                    - id: queue-depth
                      kind: threshold
                      query: max(email_queue_depth)
                      max: 100
                """);

        MetricsSpec m = suite.metrics();
        assertThat(m.enabled()).isTrue();
        assertThat(m.prometheus()).contains(URI.create("http://prometheus:9090"));
        assertThat(m.headers()).containsEntry("Authorization", "Bearer pr0m-t0ken");
        assertThat(List.of(m.before(), m.after(), m.step()))
                .containsExactly(Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofSeconds(15));
        assertThat(m.queries()).containsExactly(
                new MetricQuery.Ratio("error-ratio", "sum(increase(http_requests_total{job=\"shop\",code=~\"5..\"}[$__step]))",
                        "sum(increase(http_requests_total{job=\"shop\"}[$__step]))", 0.005, false),
                new MetricQuery.Latency("checkout-p95",
                        "histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket[1m])) by (le))", 0.10, true),
                new MetricQuery.Threshold("queue-depth", "max(email_queue_depth)", OptionalDouble.of(100),
                        OptionalDouble.empty(), false));
        assertThat(suite.secrets()).contains("Bearer pr0m-t0ken", "pr0m-t0ken");
    }

    @Test
    void aSuiteWithoutMetricsReadsNoPrometheus() throws Exception {
        assertThat(parse("").metrics()).isEqualTo(MetricsSpec.NONE);
        assertThat(MetricsSpec.NONE.enabled()).isFalse();
    }

    @Test
    void eachProblemIsNamedWithItsLineAndColumn() {
        assertThat(messages("""
                metrics:
                  prometheus: { url: ftp://prometheus, header: {} }
                  step: 10m
                  queries:
                    - { id: home, kind: ratio, errors: e, total: t, max_increase: 0.5% }
                    - { id: ratio-two, kind: ratio, errors: e }
                    - { id: p95, kind: latncy, query: q }
                    - { id: depth, kind: threshold, query: q }
                    - { id: depth2, kind: threshold, query: q, max: lots, min: 1 }
                    - { id: lat, kind: latency, query: q, min_effect: 10%, max: 3 }
                """)).containsExactly(
                "suite.yaml:4:22: metrics.prometheus.url: \"ftp://prometheus\" is not an http:// or https:// URL",
                "suite.yaml:4:40: unknown key \"header\" in metrics.prometheus; did you mean \"headers\"?",
                "suite.yaml:5:9: metrics.step: the step (10m) must fit in both windows, before and after; shorten it",
                "suite.yaml:7:13: metrics.queries[0].id: duplicate id \"home\" (first at line 2)",
                "suite.yaml:8:7: metrics.queries[1]: missing \"total\": the PromQL of all requests per step, such as "
                        + "sum(increase(http_requests_total[$__step]))",
                "suite.yaml:8:7: metrics.queries[1]: missing \"max_increase\": the rise in the error ratio worth blocking for, such as 0.5%",
                "suite.yaml:9:24: metrics.queries[2].kind: expected one of ratio, latency, threshold, got \"latncy\"; did you mean \"latency\"?",
                "suite.yaml:10:7: metrics.queries[3]: a threshold needs \"max\" or \"min\" (or both): the limit every point after the deploy must hold",
                "suite.yaml:11:53: metrics.queries[4].max: expected a number such as 100 or 0.5, got \"lots\"",
                "suite.yaml:12:60: unknown key \"max\" in metrics.queries[5]");
    }

    @Test
    void theWindowAfterTheDeployMustFitInTheRunsTimeout() {
        assertThat(messages("timeouts: { run: 5m }\nmetrics:\n  prometheus: { url: http://prometheus:9090 }\n  after: 5m\n"
                + "  queries: [{ id: depth, kind: threshold, query: q, max: 1 }]\n")).containsExactly(
                "suite.yaml:6:10: metrics.after: the window after the deploy (5m) must end within timeouts.run (5m), "
                        + "since the gate waits for it; shorten it or raise timeouts.run");
    }

    @Test
    void aBlankQueryIsAProblemNotADroppedQuery() {
        List<String> problems = messages("""
                metrics:
                  prometheus: { url: http://prometheus:9090 }
                  queries:
                    - { id: a, kind: ratio, errors: "", total: t, max_increase: 1% }
                    - { id: b, kind: latency, query: "  " }
                """);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("suite.yaml:6:37: metrics.queries[0].errors: \"errors\" must not be empty: ");
        assertThat(problems.get(1)).startsWith("suite.yaml:7:38: metrics.queries[1].query: \"query\" must not be empty: ");
    }

    @Test
    void anEmptyQueryListIsAProblemNotMetricsTurnedOff() {
        assertThat(messages("metrics:\n  prometheus: { url: http://prometheus:9090 }\n  queries: []\n")).containsExactly(
                "suite.yaml:5:12: metrics.queries: metrics needs at least one query, such as { id: error-ratio, kind: ratio, "
                        + "errors: ..., total: ..., max_increase: 0.5% }");
    }

    @Test
    void prometheusAndQueriesAreRequired() {
        assertThat(messages("metrics: { before: 10m }\n")).containsExactly(
                "suite.yaml:3:10: metrics: missing \"prometheus\": where the team's Prometheus is, such as { url: http://prometheus:9090 }",
                "suite.yaml:3:10: metrics: missing \"queries\": at least one query, such as { id: error-ratio, kind: ratio, "
                        + "errors: ..., total: ..., max_increase: 0.5% }");
    }

    @Test
    void theReadmesMetricsExampleLoads() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        int start = readme.indexOf("```yaml\nmetrics:\n");
        assertThat(start).as("the README shows a metrics: example").isPositive();
        String block = readme.substring(start + "```yaml\n".length(), readme.indexOf("```\n", start + 8));

        assertThat(parse(block).metrics().queries()).hasSize(3);
    }
}
