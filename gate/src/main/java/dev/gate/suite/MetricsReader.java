package dev.gate.suite;

import dev.gate.checks.metric.MetricQuery;
import dev.gate.checks.metric.MetricsSpec;
import dev.gate.checks.time.Durations;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads {@code metrics:}: the team's Prometheus, the windows before and after the deploy, their
 * step, and the queries, each of a kind with its own keys. Query ids share the namespace of pages
 * and APIs, since they name results too.
 */
final class MetricsReader {
    /** Prometheus refuses a range query of more points than this (its {@code 11000} limit). */
    static final long MAX_POINTS = 11_000;

    /** Written {@code kind: ratio | latency | threshold}. */
    enum Kind {
        RATIO,
        LATENCY,
        THRESHOLD
    }

    private MetricsReader() {
    }

    /** @param run the run's timeout, which the wait for the window after the deploy must fit in */
    static MetricsSpec read(SuiteNode m, Ids ids, Duration run) {
        MetricsSpec d = MetricsSpec.NONE;
        if (!m.expectMap()) {
            return d;
        }
        Optional<URI> url = Optional.empty();
        Map<String, String> headers = new LinkedHashMap<>();
        Optional<SuiteNode> prometheus = m.get("prometheus");
        if (prometheus.isEmpty()) {
            m.problem("missing \"prometheus\": where the team's Prometheus is, such as { url: http://prometheus:9090 }");
        } else if (prometheus.get().expectMap()) {
            SuiteNode p = prometheus.get();
            url = p.get("url").flatMap(SuiteLoader::target);
            if (!p.has("url")) {
                p.problem("missing \"url\": the address of Prometheus, such as http://prometheus:9090");
            }
            p.get("headers").ifPresent(h -> h.entries().forEach((k, v) -> v.text().ifPresent(t -> headers.put(k, t))));
            p.rejectUnknownKeys();
        }
        Duration before = m.get("before").flatMap(SuiteNode::duration).orElse(d.before());
        Optional<SuiteNode> afterNode = m.get("after");
        Duration after = afterNode.flatMap(SuiteNode::duration).orElse(d.after());
        if (after.compareTo(run) >= 0) {
            afterNode.orElse(m).problem("the window after the deploy (" + Durations.format(after)
                    + ") must end within timeouts.run (" + Durations.format(run)
                    + "), since the gate waits for it; shorten it or raise timeouts.run");
        }
        Optional<SuiteNode> stepNode = m.get("step");
        Duration step = stepNode.flatMap(SuiteNode::duration).orElse(d.step());
        SuiteNode stepAt = stepNode.orElse(m);
        if (step.compareTo(Duration.ofSeconds(1)) < 0 && stepNode.isPresent()) {
            stepAt.problem("the step must be at least 1s (Prometheus's resolution), got " + step.toMillis() + "ms");
        } else if (step.compareTo(after) > 0 || step.compareTo(before) > 0) {
            stepAt.problem("the step (" + Durations.format(step)
                    + ") must fit in both windows, before and after; shorten it");
        } else if (before.dividedBy(step) > MAX_POINTS || after.dividedBy(step) > MAX_POINTS) {
            stepAt.problem("a window of more than " + MAX_POINTS + " steps is more than Prometheus answers; lengthen the step");
        }
        List<MetricQuery> queries = new ArrayList<>();
        Optional<SuiteNode> list = m.get("queries");
        if (list.isEmpty()) {
            m.problem("missing \"queries\": at least one query, such as { id: error-ratio, kind: ratio, errors: ..., total: ..., max_increase: 0.5% }");
        } else if (list.get().items(false).isEmpty()) {
            // an empty list would silently turn the metrics off, which is failing open
            list.get().problem("metrics needs at least one query, such as { id: error-ratio, kind: ratio, errors: ..., total: ..., max_increase: 0.5% }");
        } else {
            for (SuiteNode item : list.get().items(false)) {
                if (item.expectMap()) {
                    query(item, ids).ifPresent(queries::add);
                }
            }
        }
        m.rejectUnknownKeys();
        return new MetricsSpec(url, headers, before, after, step, queries);
    }

    private static Optional<MetricQuery> query(SuiteNode q, Ids ids) {
        String id = ids.claim(q);
        Optional<Kind> kind = q.get("kind").flatMap(n -> n.oneOf(Kind.class));
        if (!q.has("kind")) {
            q.problem("missing \"kind\": ratio, latency or threshold");
        }
        boolean allowNoData = q.get("allow_no_data").flatMap(SuiteNode::bool).orElse(false);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        Optional<MetricQuery> out = switch (kind.get()) {
            case RATIO -> {
                Optional<String> errors = required(q, "errors", "the PromQL of the failed requests per step, such as "
                        + "sum(increase(http_requests_total{code=~\"5..\"}[$__step]))");
                Optional<String> total = required(q, "total", "the PromQL of all requests per step, such as "
                        + "sum(increase(http_requests_total[$__step]))");
                Optional<Double> max = q.get("max_increase").flatMap(n -> n.proportion(true));
                if (!q.has("max_increase")) {
                    q.problem("missing \"max_increase\": the rise in the error ratio worth blocking for, such as 0.5%");
                }
                yield errors.isPresent() && total.isPresent() && max.isPresent()
                        ? Optional.of(new MetricQuery.Ratio(id, errors.get(), total.get(), max.get(), allowNoData))
                        : Optional.empty();
            }
            case LATENCY -> {
                Optional<String> query = required(q, "query", "the PromQL of a latency in seconds, such as "
                        + "histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket[1m])) by (le))");
                double minEffect = q.get("min_effect").flatMap(n -> n.proportion(false)).orElse(0.10);
                yield query.map(s -> new MetricQuery.Latency(id, s, minEffect, allowNoData));
            }
            case THRESHOLD -> {
                Optional<String> query = required(q, "query", "the PromQL of the value to hold, such as max(email_queue_depth)");
                OptionalDouble max = number(q, "max");
                OptionalDouble min = number(q, "min");
                if (!q.has("max") && !q.has("min")) {
                    q.problem("a threshold needs \"max\" or \"min\" (or both): the limit every point after the deploy must hold");
                    yield Optional.empty();
                }
                if (max.isPresent() && min.isPresent() && min.getAsDouble() > max.getAsDouble()) {
                    q.problem("min (" + min.getAsDouble() + ") must be at most max (" + max.getAsDouble() + ")");
                    yield Optional.empty();
                }
                yield query.isPresent() && (max.isPresent() || min.isPresent())
                        ? Optional.of(new MetricQuery.Threshold(id, query.get(), max, min, allowNoData))
                        : Optional.empty();
            }
        };
        q.rejectUnknownKeys();
        return out;
    }

    private static Optional<String> required(SuiteNode q, String key, String what) {
        Optional<SuiteNode> node = q.get(key);
        if (node.isEmpty()) {
            q.problem("missing \"" + key + "\": " + what);
            return Optional.empty();
        }
        Optional<String> text = node.get().text();
        Optional<String> v = text.map(String::trim).filter(s -> !s.isEmpty());
        if (text.isPresent() && v.isEmpty()) {
            // a blank query would silently drop the query, and with it the check the team asked for
            node.get().problem("\"" + key + "\" must not be empty: " + what);
        }
        return v;
    }

    private static OptionalDouble number(SuiteNode q, String key) {
        Optional<SuiteNode> node = q.get(key);
        if (node.isEmpty()) {
            return OptionalDouble.empty();
        }
        Optional<Object> v = node.get().typedValue();
        if (v.isPresent() && v.get() instanceof Number n) {
            return OptionalDouble.of(n.doubleValue());
        }
        if (v.isPresent()) {
            try {
                return OptionalDouble.of(Double.parseDouble(v.get().toString().trim()));
            } catch (NumberFormatException e) {
                node.get().problem("expected a number such as 100 or 0.5, got \"" + v.get() + "\"");
            }
        }
        return OptionalDouble.empty();
    }
}
