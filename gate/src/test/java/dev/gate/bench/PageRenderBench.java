package dev.gate.bench;

import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Progress;
import dev.gate.checks.Redactor;
import dev.gate.checks.Sleeper;
import dev.gate.checks.Status;
import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.page.BrowserLocator;
import dev.gate.checks.page.BrowserSession;
import dev.gate.checks.page.PageCheck;
import dev.gate.checks.page.PageSpec;
import dev.gate.demo.DemoReleases;
import dev.gate.demo.DemoRepository;
import dev.gate.demo.DemoSite;
import dev.gate.run.CheckExecutor;
import dev.gate.run.RunListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders 10 and 50 pages of the demo shop with 1, 2 and 4 pages in flight, and prints wall time,
 * pages per second and peak memory (this JVM plus the Playwright driver and Chromium processes),
 * including the cost of starting the driver and the browser. Run: {@code bin/bench PageRenderBench}.
 */
public final class PageRenderBench {
    private PageRenderBench() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("gate-bench-");
        DemoRepository repo = DemoRepository.create(work.resolve("repo"), DemoReleases.all(), Instant.parse("2026-11-02T09:00:00Z"));
        try (DemoSite site = DemoSite.start(repo.commits(), "v2", 42)) {
            site.latency(false);
            System.out.println("Rendering demo shop product pages in headless Chromium; every row starts its own driver and browser.");
            System.out.printf("%-6s %-9s %-10s %-11s %-10s %-14s %-14s %s%n", "pages", "parallel", "start s", "render s",
                    "total s", "pages/s", "peak MB", "failed");
            for (int pages : new int[] {10, 50}) {
                for (int parallel : new int[] {1, 2, 4}) {
                    row(site, work, pages, parallel);
                }
            }
        }
    }

    private static void row(DemoSite site, Path work, int pages, int parallel) throws Exception {
        MemoryWatch memory = MemoryWatch.start();
        long t0 = System.nanoTime();
        BrowserSession session = BrowserSession.open(new BrowserLocator(System.getenv()).locate(Optional.empty()),
                BrowserSession.Options.of(parallel, false));
        long t1 = System.nanoTime();
        List<PageCheck> checks = new ArrayList<>();
        for (int i = 1; i <= pages; i++) {
            PageSpec spec = new PageSpec("p" + i, "/p/" + i, 200, List.of("#add-to-cart"), List.of(), Optional.empty(),
                    dev.gate.checks.Severity.BLOCK, dev.gate.checks.Severity.BLOCK, dev.gate.checks.Severity.WARN);
            PageCheck check = new PageCheck(spec, session, Duration.ofSeconds(30), Optional.empty(), false);
            checks.add(check);
        }
        Path runDir = Files.createTempDirectory(work, "run-");
        CheckContext context = new CheckContext(site.url(), new HttpProbe(Duration.ofSeconds(10), TlsPolicy.VERIFY),
                Clock.systemUTC(), Sleeper.real(), runDir, Redactor.none(), Progress.silent());
        List<CheckResult> results = new CheckExecutor(parallel, Duration.ofMinutes(10), RunListener.SILENT)
                .runAll(checks, context, Instant.now().plus(Duration.ofMinutes(10)));
        long t2 = System.nanoTime();
        session.close();
        long peak = memory.stop();
        long failed = results.stream().filter(r -> r.status() != Status.PASS).count();
        double render = (t2 - t1) / 1e9;
        System.out.printf("%-6d %-9d %-10.2f %-11.2f %-10.2f %-14.2f %-14d %d%n", pages, parallel, (t1 - t0) / 1e9, render,
                (t2 - t0) / 1e9, pages / ((t2 - t0) / 1e9), peak / (1024 * 1024), failed);
    }

    /** Samples the resident memory of this process and all its descendants, keeping the peak. */
    private static final class MemoryWatch {
        private final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::watch, "memory-watch");

        static MemoryWatch start() {
            MemoryWatch w = new MemoryWatch();
            w.thread.setDaemon(true);
            w.thread.start();
            return w;
        }

        long stop() throws InterruptedException {
            running = false;
            thread.join();
            return peak.get();
        }

        private void watch() {
            while (running) {
                long total = rss(ProcessHandle.current().pid());
                total += ProcessHandle.current().descendants().mapToLong(p -> rss(p.pid())).sum();
                peak.accumulateAndGet(total, Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static long rss(long pid) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (Exception e) {
                // the process ended between listing and reading
            }
            return 0;
        }
    }
}
