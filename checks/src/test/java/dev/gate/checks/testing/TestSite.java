package dev.gate.checks.testing;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A real HTTP server on 127.0.0.1 (a free port) for tests, scripted per path: each route is a
 * function of the request, which knows how many requests that path has had. Every request is
 * recorded for assertions.
 */
public final class TestSite implements AutoCloseable {
    private final LoopbackServer server;
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** A request as the server saw it. {@code n} counts requests to the same path, from 1. */
    public record Request(int n, String method, URI uri, Map<String, String> headers, int remotePort, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }
    }

    /** What to answer. */
    public record Reply(int status, Map<String, String> headers, String body, Duration delay) {
        public static Reply html(String body) {
            return new Reply(200, Map.of("Content-Type", "text/html; charset=utf-8"), body, Duration.ZERO);
        }

        public static Reply json(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json"), body, Duration.ZERO);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "text/plain"), body, Duration.ZERO);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, h, body, delay);
        }

        public Reply withStatus(int newStatus) {
            return new Reply(newStatus, headers, body, delay);
        }

        public Reply after(Duration d) {
            return new Reply(status, headers, body, d);
        }
    }

    private TestSite() {
        this.server = LoopbackServer.start("test-site", this::handle);
    }

    public static TestSite start() {
        return new TestSite();
    }

    public TestSite route(String path, Function<Request, Reply> handler) {
        routes.put(path, handler);
        return this;
    }

    public URI url() {
        return server.url();
    }

    public String url(String path) {
        return url() + path;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requests(String path) {
        List<Request> out = new ArrayList<>();
        for (Request r : requests) {
            if (r.uri().getPath().equals(path)) {
                out.add(r);
            }
        }
        return out;
    }

    /** A page with {@code <meta name="commit">}, the default marker. */
    public static String pageWithCommit(String commit) {
        return "<!doctype html><html><head><title>t</title><meta name=\"commit\" content=\"" + commit
                + "\"></head><body><main id=\"main\">hello</main></body></html>";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            int n = counts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, String.join(", ", v)));
            Request request = new Request(n, exchange.getRequestMethod(), exchange.getRequestURI(), headers,
                    exchange.getRemoteAddress().getPort(), body);
            requests.add(request);
            Function<Request, Reply> route = routes.get(path);
            Reply reply = route == null ? Reply.status(404, "not found") : route.apply(request);
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), head || bytes.length == 0 ? -1 : bytes.length);
            if (!head && bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
