package dev.gate.report;

import dev.gate.checks.Artifact;
import dev.gate.checks.Attempt;
import dev.gate.checks.Status;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.commit.Liveness;
import dev.gate.run.ActionRecord;
import dev.gate.checks.CheckResult;
import dev.gate.run.RunRecord;
import dev.gate.verdict.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Run records as the gate writes them, built in code: a blocked deploy with a check of every kind
 * (commit, page, api, latency, budget, tls and one the reports do not know), a rollback and a
 * post-mortem; and a clean pass. Samples come from a fixed seed.
 */
final class SampleRuns {
    static final String NEW = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    static final String OLD = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final String HOSTILE = "<script>alert(1)</script> \"'&";

    private SampleRuns() {
    }

    static RunRecord blocked() {
        List<CheckResult> checks = List.of(
                commit(),
                page("home", Status.PASS, "rendered in 1.2s; 0 console errors", List.of(), "Harbor Supply — home",
                        List.of(new Artifact("screenshot", "artifacts/home/screenshot.png", "full page"))),
                page("checkout", Status.FAIL, "2 console errors and 1 failed same-origin request",
                        List.of("console error: Uncaught TypeError: Cannot read properties of undefined (reading 'total')",
                                "console error: <img src=x onerror=alert(1)> failed to render",
                                "request failed: GET /assets/checkout.3f2a1b.js → 404"),
                        "<b>Checkout</b> & \"pay\"",
                        List.of(new Artifact("screenshot", "artifacts/checkout/screenshot.png", "at failure"),
                                new Artifact("trace", "artifacts/checkout/trace.zip", "Playwright trace"),
                                new Artifact("console", "artifacts/checkout/console.log", "browser console"))),
                api("health", Status.PASS, "200 in 38ms", List.of()),
                api("orders", Status.ERROR, "could not connect to 127.0.0.1:9 within 10s: connection refused",
                        List.of("POST /api/orders")),
                latency("product-list", Status.FAIL, "GET /api/products",
                        "34% slower than before (×1.34, 99% CI 1.25–1.44, p < 0.0001)", 118, 158, 1.34, 1.25, 1.44, 0.00001),
                latency("home-latency", Status.PASS, "GET /", "no slowdown worth blocking for (×1.02, p = 0.41)",
                        212, 216, 1.02, 0.97, 1.07, 0.41),
                new CheckResult("budget-health", "budget", "health p95 under 300ms", Status.WARN,
                        "p95 281ms is within 10% of the 300ms budget", List.of(),
                        metrics("p95_ms", 281, "budget_ms", 300), List.of(), "latency-budget", Duration.ofMillis(3)),
                new CheckResult("cdn", "cdn-cache", "CDN cache", Status.PASS, "every asset is cached at the edge",
                        List.of("x-cache: HIT on 14 of 14 assets"), metrics("hits", 14, "misses", 0), List.of(), "", Duration.ofMillis(120)));
        List<ActionRecord> actions = List.of(
                new ActionRecord("rollback", "succeeded", START.plusSeconds(95),
                        "rolled back to 1a2b3c4; it is live again on every location", List.of("./deploy/rollback.sh --to previous: exit 0"),
                        data("log", "artifacts/rollback.log", "to", OLD)),
                new ActionRecord("postmortem", "succeeded", START.plusSeconds(97), "post-mortem stub written",
                        List.of(), data("file", "postmortems/2026-11-25-shop-9f8e7d6.md")));
        return record(Verdict.BLOCK, 1, "checkout: 2 console errors and 1 failed same-origin request (and 2 more)",
                checks, actions);
    }

    static RunRecord passed() {
        return record(Verdict.PASS, 0, "all 2 checks passed", List.of(commit(),
                api("health", Status.PASS, "200 in 38ms", List.of())), List.of());
    }

    /**
     * A run with checks the runner tried again, as {@code RetriedResult} makes them: a page that
     * failed with a 503 and then rendered (its first screenshot kept), an API that failed all three
     * times, and one whose last attempt could not run at all.
     */
    static RunRecord retried() {
        Artifact shot = new Artifact("screenshot", "artifacts/home/screenshot.png", "screenshot of /");
        Attempt first503 = new Attempt(Status.FAIL, "GET / → 503 (expected 200)",
                List.of("block: GET / → 503 (expected 200)"), metrics("status", 503), List.of(shot), Duration.ofMillis(900));
        CheckResult home = new CheckResult("home", "page", "page /", Status.WARN,
                "flaky: page / passed on the second attempt; the first failed: HTTP 503",
                List.of("attempt 1: FAIL: GET / → 503 (expected 200)", "attempt 2: PASS: / rendered in 312 ms (4 requests)"),
                metrics("status", 200), List.of(shot), "page-broken", Duration.ofMillis(1800), Optional.empty(),
                List.of(first503));
        Attempt draining = new Attempt(Status.FAIL, "GET /api/orders → 503 (expected 2xx): draining",
                List.of("GET /api/orders → 503 (expected 2xx): draining"), metrics("status", 503), List.of(), Duration.ofMillis(20));
        CheckResult orders = new CheckResult("orders", "api", "GET /api/orders", Status.FAIL,
                "GET /api/orders → 503 (expected 2xx): draining (all 3 attempts failed)",
                List.of("attempt 1: FAIL: GET /api/orders → 503 (expected 2xx): draining",
                        "attempt 2: FAIL: GET /api/orders → 503 (expected 2xx): draining",
                        "attempt 3: FAIL: GET /api/orders → 503 (expected 2xx): draining"),
                metrics("status", 503), List.of(), "api-failed", Duration.ofMillis(1060), Optional.of("HTTP 503"),
                List.of(draining, draining));
        Attempt reset = new Attempt(Status.FAIL, "GET /api/cart: 127.0.0.1:8080 closed the connection without a response",
                List.of(), Map.of(), List.of(), Duration.ofMillis(4));
        CheckResult cart = new CheckResult("cart", "api", "GET /api/cart", Status.ERROR,
                "the check could not run: IllegalStateException: boom (both attempts failed)", List.of(), Map.of(),
                List.of(), "", Duration.ofMillis(510), Optional.empty(), List.of(reset));
        return record(Verdict.BLOCK, 1, "orders: GET /api/orders → 503 (expected 2xx): draining (all 3 attempts failed)",
                List.of(commit(), home, orders, cart), List.of());
    }

    /** A run where everything the site could say carries markup and quotes. */
    static RunRecord hostile() {
        CheckResult page = new CheckResult("evil", "page", HOSTILE, Status.FAIL, "summary " + HOSTILE,
                List.of("console error: " + HOSTILE, "console error: </li></ul><script>alert(2)</script>"),
                metrics("title", "<title>x</title><script>alert(3)</script>", "ttfb_ms", 12),
                List.of(new Artifact("screenshot", "javascript:alert(4)", HOSTILE),
                        new Artifact("console", "../../etc/passwd", "outside")),
                "console-errors", Duration.ofMillis(10));
        CheckResult warn = new CheckResult("w,arn:1", "api", "api", Status.WARN, "slow\nsecond line 100%", List.of(),
                Map.of(), List.of(), "", Duration.ofMillis(5));
        return record(Verdict.BLOCK, 1, "evil: " + HOSTILE, List.of(commit(), page, warn), List.of());
    }

    static RunRecord record(Verdict verdict, int exit, String reason, List<CheckResult> checks, List<ActionRecord> actions) {
        return new RunRecord(RunRecord.SCHEMA, "0.1.0-test", new RunRecord.SuiteRef("shop", "suite.yaml"),
                "https://shop.example.com", START, START.plusSeconds(98), START.plusSeconds(60), new CommitId(NEW), Optional.of(new CommitId(NEW)),
                Optional.of(new CommitId(OLD)), Liveness.LIVE,
                verdict, exit, reason, checks, actions, false, Optional.empty());
    }

    static CheckResult commit() {
        return new CheckResult("commit", "commit", "commit 9f8e7d6 live", Status.PASS,
                "9f8e7d6 is live on 3 locations after 2 rounds", List.of(),
                metrics("liveness", "LIVE", "rounds", 2, "observed_commit", NEW, "elapsed_ms", 4100), List.of(),
                "commit-not-live", Duration.ofMillis(4100));
    }

    static CheckResult page(String id, Status status, String summary, List<String> details, String title,
                            List<Artifact> artifacts) {
        return new CheckResult(id, "page", "GET /" + (id.equals("home") ? "" : id), status, summary, details,
                metrics("title", title, "ttfb_ms", 84, "lcp_ms", 1240.5, "cls", 0.012, "requests", 31, "bytes", 1_482_113),
                artifacts, status == Status.PASS ? "" : "console-errors", Duration.ofMillis(2300));
    }

    static CheckResult api(String id, Status status, String summary, List<String> details) {
        return new CheckResult(id, "api", "GET /api/" + id, status, summary, details,
                metrics("status", 200, "ms", 38), List.of(), status == Status.PASS ? "" : "api-unreachable", Duration.ofMillis(40));
    }

    static CheckResult latency(String id, Status status, String name, String summary, double baseMedian,
                               double currentMedian, double ratio, double low, double high, double p) {
        Random random = new Random(42);
        List<Double> baseline = samples(random, baseMedian, 30);
        List<Double> current = samples(random, currentMedian, 30);
        return new CheckResult(id, "latency", name, status, summary, List.of(),
                metrics("baseline_ms", baseline, "current_ms", current, "p_value", p, "ratio", ratio,
                        "ratio_low", low, "ratio_high", high),
                List.of(), status == Status.PASS ? "" : "latency-regression", Duration.ofMillis(6400));
    }

    /** Log-normal around the median, the usual shape of response times, rounded to 0.1 ms. */
    static List<Double> samples(Random random, double median, int n) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Math.round(median * Math.exp(0.12 * random.nextGaussian()) * 10) / 10.0);
        }
        return out;
    }

    static Map<String, Object> metrics(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static Map<String, String> data(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
