package dev.gate.realstack;

import com.sun.net.httpserver.HttpExchange;
import dev.gate.demo.DemoTraffic;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small shop on 127.0.0.1 instrumented the way a team instruments one, with the Prometheus Java
 * client: {@code http_requests_total{route,code}} and the histogram
 * {@code http_request_duration_seconds{route}} (1 ms buckets up to 60 ms), served at
 * {@code /metrics} by the client's own HTTP server, which serves the routes too. Each route answers
 * after a set delay and fails every n-th request (deterministic, no randomness); a traffic
 * generator sends a fixed number of requests a second to every route.
 */
public final class InstrumentedShop implements AutoCloseable {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests = Counter.builder().name("http_requests_total").help("requests served")
            .labelNames("route", "code").register(registry);
    private final Histogram durations = Histogram.builder().name("http_request_duration_seconds")
            .help("time to answer").classicOnly().classicLinearUpperBounds(0.001, 0.001, 60)
            .labelNames("route").register(registry);
    private final Map<String, Behaviour> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> served = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(8);
    private Optional<DemoTraffic> traffic = Optional.empty();
    private final HTTPServer server;

    /** How one route answers: after {@code delayMs}, failing every {@code failEvery}-th request (0: never). */
    public record Behaviour(int delayMs, int failEvery) {
    }

    private InstrumentedShop() throws IOException {
        server = HTTPServer.builder().hostname("127.0.0.1").port(0).registry(registry).executorService(workers)
                .defaultHandler(this::answer).buildAndStart();
    }

    public static InstrumentedShop start() throws IOException {
        return new InstrumentedShop();
    }

    public int port() {
        return server.getPort();
    }

    /** Sets how {@code route} answers from now on. */
    public void route(String route, Behaviour behaviour) {
        routes.put(route, behaviour);
    }

    private void answer(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String route = exchange.getRequestURI().getPath();
        Behaviour b = routes.get(route);
        int code;
        if (b == null) {
            code = 404;
        } else {
            long n = served.computeIfAbsent(route, r -> new AtomicLong()).incrementAndGet();
            try {
                TimeUnit.MILLISECONDS.sleep(b.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            code = b.failEvery() > 0 && n % b.failEvery() == 0 ? 500 : 200;
        }
        byte[] body = (code == 200 ? "ok\n" : "failed\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(code, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        if (b != null) {
            requests.labelValues(route, String.valueOf(code)).inc();
            durations.labelValues(route).observe((System.nanoTime() - start) / 1e9);
        }
    }

    /** Sends {@code perSecond} requests a second to each route from now until closed, one thread a route. */
    public void sendTraffic(int perSecond) {
        traffic = Optional.of(DemoTraffic.start(URI.create("http://127.0.0.1:" + port()), List.copyOf(routes.keySet()),
                perSecond));
    }

    @Override
    public void close() {
        traffic.ifPresent(DemoTraffic::close);
        server.close();
        workers.shutdownNow();
    }
}
