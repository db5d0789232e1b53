package dev.gate.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The shop's customers, for the demo's Prometheus to see: a fixed number of requests a second to
 * each of a few paths, one thread a path, until closed. Bounded: 127.0.0.1 only, a few per second.
 * The tests' instrumented shop gets its traffic from it too.
 */
public final class DemoTraffic implements AutoCloseable {
    private final List<Thread> threads = new ArrayList<>();

    private DemoTraffic() {
    }

    public static DemoTraffic start(URI site, List<String> paths, int perSecond) {
        DemoTraffic traffic = new DemoTraffic();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        for (String path : paths) {
            Thread t = new Thread(() -> {
                URI uri = site.resolve(path);
                long next = System.nanoTime();
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                                HttpResponse.BodyHandlers.discarding());
                        next += period;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException e) {
                        // the shop is closing, or a customer gave up: the next one comes anyway
                    }
                }
            }, "demo-traffic " + path);
            t.setDaemon(true);
            t.start();
            traffic.threads.add(t);
        }
        return traffic;
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        try {
            for (Thread t : threads) {
                t.join(3000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
