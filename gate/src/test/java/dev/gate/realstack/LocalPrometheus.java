package dev.gate.realstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's binary, not its service) as a child process on a free port of
 * 127.0.0.1, scraping one target every second, its data in a folder of its own.
 */
public final class LocalPrometheus implements AutoCloseable {
    public static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final Process process;
    private final int port;

    private LocalPrometheus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts Prometheus scraping {@code 127.0.0.1:targetPort/metrics}; fails if it is not ready within 30 s. */
    public static LocalPrometheus scraping(Path dir, int targetPort) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        int port = LocalNginx.freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: shop
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                """.formatted(targetPort));
        Process p = new ProcessBuilder(BINARY.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        LocalPrometheus prometheus = new LocalPrometheus(p, port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!prometheus.ready(http)) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                prometheus.close();
                throw new IllegalStateException("Prometheus did not start: " + Files.readString(dir.resolve("prometheus.log")));
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
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(url().resolve("/-/ready")).timeout(Duration.ofSeconds(1))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
