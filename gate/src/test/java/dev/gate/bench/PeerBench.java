package dev.gate.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The gate against the peer it is weighed against, a hand-written Playwright Test smoke suite
 * ({@code ../shared/peers/playwright-test/run.sh}, or {@code PEER=path}): both check the same N
 * simple pages of a local site (one CSS, one JS, the commit marker) with 4 pages at once, in turns
 * gate, peer, gate, peer, five counted runs each after one warm-up each, for N = 10 and 30.
 *
 * <p>The gate runs as a user runs it: {@code bin/gate verify} in a process of its own (the launcher's
 * checks, the JVM it starts with its options and class-data archive, the commit check, the
 * browser's start and the reports are all in the figure). Peak memory is the resident memory of the gate's process
 * tree (JVM, Playwright driver, Chromium), summed over /proc every 50 ms.
 * Run: {@code bin/bench PeerBench [N...]}.
 */
public final class PeerBench {
    private static final String COMMIT = "3f2a9c1d4e5b6a7980112233445566778899aabb";
    private static final int RUNS = 5;

    private PeerBench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of("").toAbsolutePath();
        Path jar = root.resolve("gate/target/gate.jar");
        Path launcher = root.resolve("bin/gate");
        Path peer = Path.of(System.getenv().getOrDefault("PEER", root.resolve("../shared/peers/playwright-test/run.sh").toString()));
        if (!Files.isRegularFile(jar) || !Files.isExecutable(peer)) {
            System.err.println("PeerBench: needs " + jar + " (bin/gate --version builds it) and the peer " + peer + " (PEER=...)");
            System.exit(2);
        }
        int[] sizes = args.length == 0 ? new int[] {10, 30} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path work = Files.createTempDirectory("gate-peer-bench-");
        HttpServer site = site();
        try {
            String target = "http://127.0.0.1:" + site.getAddress().getPort();
            System.out.println("gate verify (bin/gate, pages_parallel: 4) against Playwright Test (run.sh, 4 workers),");
            System.out.println("same local pages, alternating, " + RUNS + " counted runs each after a warm-up; "
                    + Runtime.getRuntime().availableProcessors() + " cores");
            System.out.printf("| pages | gate median s (min–max) | peer median s (min–max) | gate / peer | gate s per extra page | gate peak RSS MB | gate peak PSS MB |%n");
            System.out.printf("|---|---|---|---|---|---|---|%n");
            double[] previous = null;
            int previousPages = 0;
            for (int pages : sizes) {
                Path suite = suite(work, target, pages);
                String paths = IntStream.rangeClosed(1, pages).mapToObj(i -> "/p/" + i).collect(Collectors.joining(","));
                List<String> gate = List.of(launcher.toString(), "verify", "--suite", suite.toString(),
                        "--expect-commit", COMMIT, "--no-rollback", "--out", work.resolve("run-" + pages).toString());
                List<String> other = List.of(peer.toString(), target, COMMIT, paths, "body");
                run(gate, work, true);
                run(other, work, false);
                List<Double> gateTimes = new ArrayList<>();
                List<Double> peerTimes = new ArrayList<>();
                long peak = 0;
                long peakPss = 0;
                for (int i = 0; i < RUNS; i++) {
                    Timed g = run(gate, work, true);
                    gateTimes.add(g.seconds());
                    peak = Math.max(peak, g.peakRss());
                    peakPss = Math.max(peakPss, g.peakPss());
                    peerTimes.add(run(other, work, false).seconds());
                }
                double gm = median(gateTimes);
                double pm = median(peerTimes);
                String perPage = previous == null ? "" : String.format("%.2f", (gm - previous[0]) / (pages - previousPages));
                System.out.printf("| %d | %.2f (%.2f–%.2f) | %.2f (%.2f–%.2f) | %.2f | %s | %d | %d |%n", pages, gm,
                        Collections.min(gateTimes), Collections.max(gateTimes), pm, Collections.min(peerTimes),
                        Collections.max(peerTimes), gm / pm, perPage, peak / (1024 * 1024), peakPss / (1024 * 1024));
                previous = new double[] {gm};
                previousPages = pages;
            }
        } finally {
            site.stop(0);
        }
    }

    /** @param peakRss the processes' resident memory summed (pages shared between them counted in each); peakPss shares them out */
    private record Timed(double seconds, long peakRss, long peakPss) {
    }

    /** Runs a command to its end, its output to a log; exits the bench when it fails, as a wrong figure would mislead. */
    private static Timed run(List<String> command, Path work, boolean watchMemory) throws Exception {
        Path log = work.resolve(watchMemory ? "gate.log" : "peer.log");
        long start = System.nanoTime();
        // in the bench's folder, so the gate's own records (.gate/) do not land in the checkout
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AtomicLong peak = new AtomicLong();
        AtomicLong peakPss = new AtomicLong();
        Thread watch = new Thread(() -> {
            while (p.isAlive()) {
                long total = rss(p.pid()) + p.descendants().mapToLong(d -> rss(d.pid())).sum();
                peak.accumulateAndGet(total, Math::max);
                long pss = pss(p.pid()) + p.descendants().mapToLong(d -> pss(d.pid())).sum();
                peakPss.accumulateAndGet(pss, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-watch");
        if (watchMemory) {
            watch.setDaemon(true);
            watch.start();
        }
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        watch.join(1000);
        if (p.exitValue() != 0) {
            System.err.println("PeerBench: " + command.get(0) + " exited " + p.exitValue() + "; its output:");
            System.err.println(Files.readString(log));
            System.exit(1);
        }
        return new Timed(seconds, peak.get(), peakPss.get());
    }

    /** The proportional set size: shared pages divided among the processes sharing them. */
    private static long pss(long pid) {
        return kilobytes(pid, "smaps_rollup", "Pss:");
    }

    private static long rss(long pid) {
        return kilobytes(pid, "status", "VmRSS:");
    }

    /** A figure in kB from a file of /proc/PID, in bytes; 0 for a process that ended meanwhile. */
    private static long kilobytes(long pid, String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), file))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between listing and reading
        }
        return 0;
    }

    private static double median(List<Double> xs) {
        List<Double> s = xs.stream().sorted().toList();
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static Path suite(Path work, String target, int pages) throws IOException {
        StringBuilder yaml = new StringBuilder("name: peer-bench\ntarget: " + target + "\npages_parallel: 4\n"
                + "commit: { converge: { consecutive: 1, timeout: 1m, interval: 1s } }\npages:\n");
        for (int i = 1; i <= pages; i++) {
            yaml.append("  - { id: p").append(i).append(", path: /p/").append(i).append(", expect: { selectors: [body] } }\n");
        }
        Path file = work.resolve("suite-" + pages + ".yaml");
        Files.writeString(file, yaml);
        return file;
    }

    /** The pages: each a little HTML with the commit marker, one stylesheet and one script. */
    private static HttpServer site() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/p/", ex -> send(ex, "text/html", "<!doctype html><html><head><meta charset=utf-8>"
                + "<meta name=commit content=" + COMMIT + "><title>Page</title><link rel=stylesheet href=/app.css>"
                + "<script src=/app.js defer></script></head><body><main><h1>Product</h1><p>In stock.</p></main></body></html>"));
        server.createContext("/app.css", ex -> send(ex, "text/css", "body { font-family: sans-serif; } main { margin: 2em; }"));
        server.createContext("/app.js", ex -> send(ex, "application/javascript",
                "document.addEventListener('DOMContentLoaded', () => { document.querySelector('h1').dataset.ready = '1'; });"));
        server.createContext("/", ex -> send404(ex));
        // daemon threads: the site's pool must not keep the bench's JVM (and the build lock it runs under) alive after the table
        server.setExecutor(Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "bench-site");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return server;
    }

    private static void send(HttpExchange ex, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void send404(HttpExchange ex) throws IOException {
        ex.sendResponseHeaders(404, -1);
        ex.close();
    }
}
