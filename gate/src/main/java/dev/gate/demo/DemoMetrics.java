package dev.gate.demo;

import com.sun.net.httpserver.HttpHandler;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.MetricsHandler;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * The demo shop's own monitoring, as a team instruments a shop with the Prometheus Java client:
 * {@code demo_http_requests_total{route,code}} and {@code demo_http_request_duration_seconds{route}},
 * served at {@code /metrics}. A registry of its own, so two shops in one JVM never share counters.
 */
final class DemoMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("demo_http_requests_total").help("requests the shop answered")
            .labelNames("route", "code").register(registry);
    private final Histogram durations = Histogram.builder().name("demo_http_request_duration_seconds")
            .help("time the shop took to answer").classicOnly().labelNames("route").register(registry);

    void record(String route, int code, long nanos) {
        requests.labelValues(route, String.valueOf(code)).inc();
        durations.labelValues(route).observe(nanos / 1e9);
    }

    HttpHandler handler() {
        return new MetricsHandler(registry);
    }

    /** The route as a label: ids and hashes folded, so that the labels stay few. */
    static String route(String path) {
        if (path.startsWith("/p/")) {
            return "/p/{id}";
        }
        if (path.startsWith("/static/")) {
            return "/static";
        }
        return switch (path) {
            case "/", "/products", "/version", "/api/health", "/api/products", "/api/recommendations" -> path;
            default -> "other";
        };
    }
}
