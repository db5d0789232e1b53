package dev.gate.demo;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus for the demo: the {@code prometheus} binary found on the machine (Debian's
 * package puts it in /usr/bin), run as a child process on a free port of 127.0.0.1, scraping the
 * demo shop every second, its data inside the demo's folder. The package's service is not used.
 * The tests against a real Prometheus start theirs with it too.
 */
public final class DemoPrometheus implements AutoCloseable {
    private final Process process;
    private final int port;

    private DemoPrometheus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The binary on {@code PATH}, else Debian's place for it. */
    public static Optional<Path> binary(Map<String, String> env) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "prometheus"))) {
                return Optional.of(Path.of(dir, "prometheus"));
            }
        }
        Path debian = Path.of("/usr/bin/prometheus");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }

    /** Starts it scraping {@code site}'s {@code /metrics}; fails when it is not ready within 30 s. */
    public static DemoPrometheus start(Path binary, Path dir, URI site) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global: { scrape_interval: 1s, evaluation_interval: 1s }
                scrape_configs:
                  - job_name: harbor-shop
                    static_configs: [{ targets: ['127.0.0.1:%d'] }]
                """.formatted(site.getPort()));
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        DemoPrometheus prometheus = new DemoPrometheus(p, port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!prometheus.ready(http)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                prometheus.close();
                throw new IOException("Prometheus did not start; see " + dir.resolve("prometheus.log"));
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return prometheus;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private boolean ready(HttpClient http) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(url().resolve("/-/ready")).timeout(Duration.ofSeconds(1)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
