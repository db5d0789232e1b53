package dev.gate.checks.api;

import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How much does Rest Assured add to the time of a call, compared with {@code curl}'s own
 * {@code %{time_total}}? Decides whether latency may be sampled through Rest Assured (the issue's
 * limit: 1 ms of median distortion) or needs a lean probe.
 *
 * <p>A local endpoint answers after a fixed 20 ms. Each client makes N sequential calls, kept
 * alive where the client can; the clients take turns call by call, so drift in the machine's load
 * hits all of them alike. Warm-up rounds are discarded; Rest Assured needs a few hundred calls
 * before the JIT has compiled its Groovy paths (after 30 it still added about 4 ms more). Rest Assured is timed three ways: a
 * stopwatch around the whole call (what a sampler built on it would measure), its own
 * {@code Response.getTime()}, and {@link ApiCall}'s exchange time, taken inside the HTTP client.
 *
 * <pre>bin/bench ApiTimingBench [N] [DELAY_MS] [WARMUP]</pre>
 */
public final class ApiTimingBench {
    private ApiTimingBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int delayMs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        try (TestSite site = TestSite.start()) {
            site.route("/delay", r -> Reply.json("{\"ok\":true}").after(Duration.ofMillis(delayMs)));
            URI uri = URI.create(site.url("/delay"));
            Clients clients = new Clients(uri);
            for (int i = 0; i < warmup; i++) {
                clients.round();
            }
            clients.reset();
            int before = site.requests().size();
            for (int i = 0; i < n; i++) {
                clients.round();
            }
            Map<String, Integer> connections = connections(site.requests().subList(before, site.requests().size()));
            print(clients.samples, n, delayMs, warmup, connections);
        }
    }

    /** Every client, and the samples (ms) each has taken. */
    private static final class Clients {
        private final URI uri;
        private final Map<String, List<Double>> samples = new LinkedHashMap<>();
        private final HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final HttpProbe probe = new HttpProbe(Duration.ofSeconds(10), TlsPolicy.VERIFY);
        private final dev.gate.checks.http.LeanHttp lean = new dev.gate.checks.http.LeanHttp(Duration.ofSeconds(10), TlsPolicy.VERIFY);
        private final RestAssuredConfig plain = RestAssuredConfig.newConfig()
                .httpClient(HttpClientConfig.httpClientConfig().reuseHttpClientInstance());
        private final ApiCall apiCall = ApiCall.keptAlive(Duration.ofSeconds(10), TlsPolicy.VERIFY);
        private final ApiSpec spec;

        Clients(URI uri) {
            this.uri = uri;
            this.spec = ApiSpecBuilder.get(uri.toString()).header("X-Client", "api-call").build();
        }

        void reset() {
            samples.clear();
        }

        void round() throws Exception {
            add("curl (time_total)", curl());

            long t = System.nanoTime();
            jdk.send(HttpRequest.newBuilder(uri).header("X-Client", "jdk").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            add("JDK HttpClient", since(t));

            t = System.nanoTime();
            probe.get(uri, Map.of("X-Client", "probe"));
            add("HttpProbe (JDK, checks)", since(t));

            dev.gate.checks.http.LeanHttp.Timing timing = lean.send("GET", uri, Map.of("X-Client", "lean"), java.util.Optional.empty());
            add("LeanHttp (latency sampler)", timing.total().toNanos() / 1e6);

            t = System.nanoTime();
            Response response = RestAssured.given().config(plain).header("X-Client", "rest-assured").get(uri);
            response.asByteArray();
            add("Rest Assured, stopwatch", since(t));
            add("Rest Assured, getTime()", (double) response.getTimeIn(TimeUnit.MILLISECONDS));

            t = System.nanoTime();
            ApiResponse r = apiCall.send(spec, uri);
            add("ApiCall, stopwatch", since(t));
            add("ApiCall, exchange time", r.time().toNanos() / 1e6);
        }

        private void add(String client, double ms) {
            samples.computeIfAbsent(client, k -> new ArrayList<>()).add(ms);
        }

        private double curl() throws Exception {
            Process p = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{time_total}", "-H", "X-Client: curl", uri.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("curl failed: " + out);
            }
            return Double.parseDouble(out) * 1000;
        }
    }

    private static double since(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    /** Connections each client opened, told apart by the X-Client header it sends. */
    private static Map<String, Integer> connections(List<TestSite.Request> requests) {
        Map<String, Set<Integer>> ports = new LinkedHashMap<>();
        requests.forEach(r -> ports.computeIfAbsent(r.header("X-Client"), k -> new HashSet<>()).add(r.remotePort()));
        Map<String, Integer> out = new LinkedHashMap<>();
        ports.forEach((client, set) -> out.put(client, set.size()));
        return out;
    }

    private static void print(Map<String, List<Double>> samples, int n, int delayMs, int warmup, Map<String, Integer> connections) {
        double curl = percentile(samples.get("curl (time_total)"), 50);
        System.out.printf(Locale.ROOT, "ApiTimingBench: %d calls per client after %d warm-up rounds, endpoint delay %d ms, "
                + "%d cores, load average %.1f%n", n, warmup, delayMs, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-26s %10s %10s %10s %16s%n", "client", "median ms", "p95 ms", "min ms",
                "median - curl");
        samples.forEach((client, values) -> System.out.printf(Locale.ROOT, "%-26s %10.2f %10.2f %10.2f %+16.2f%n",
                client, percentile(values, 50), percentile(values, 95), percentile(values, 0),
                percentile(values, 50) - curl));
        System.out.println("connections opened for " + n + " calls: " + connections);
    }

    /** Nearest-rank percentile; 0 is the minimum. */
    private static double percentile(List<Double> values, double p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
