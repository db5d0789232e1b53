package dev.gate.faults;

import dev.gate.cli.Cli;
import dev.gate.checks.testing.SelfSignedSite;
import static dev.gate.faults.Suites.NEW;
import static dev.gate.faults.Suites.OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target that misbehaves: the run ends in bounded time with a BLOCK (exit 1) that names the
 * fault in one line, or with the documented warning, and leaves a valid record and nothing
 * half-written. The hang guards are generous: they catch a hang, they do not measure speed.
 */
class TargetFaultsIT {
    private static final Duration HANG_GUARD = Duration.ofSeconds(90);

    /** One certificate for the class: keytool takes seconds. */
    @TempDir
    static Path certificates;
    @TempDir
    Path dir;

    private Cli.Result verify(URI target, String extra) {
        Suites.write(dir, "suite.yaml", Suites.onePage(target, extra));
        Cli gate = new Cli(dir);
        return assertTimeoutPreemptively(HANG_GUARD,
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));
    }

    private JsonNode blocked(Cli.Result r, String release, String reason) {
        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode record = RunFolders.record(dir.resolve("run"), 1);
        assertThat(record.path("release").asText()).isEqualTo(release);
        assertThat(record.path("reason").asText()).matches(reason);
        assertThat(r.out()).contains("BLOCK  " + record.path("reason").asText());
        RunFolders.assertNothingHalfWritten(dir.resolve("run"));
        return record;
    }

    @Test
    void nothingListeningBlocksSayingTheConnectionIsRefused() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }

        Cli.Result r = verify(URI.create("http://127.0.0.1:" + port), "");

        blocked(r, "UNKNOWN", "commit: could not read the commit from the site for 3s: /: 7 of 7 responses failed: "
                + "connection refused by 127\\.0\\.0\\.1:" + port);
    }

    /** Each round waits out the 1s request timeout in real time: three rounds, not seven. */
    private Cli.Result verifyInThreeRounds(URI target) {
        Suites.write(dir, "suite.yaml", Suites.onePage(target, "").replace("timeout: 3s, interval: 500ms", "timeout: 2s, interval: 1s"));
        Cli gate = new Cli(dir);
        return assertTimeoutPreemptively(HANG_GUARD,
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));
    }

    @Test
    void aServerThatAcceptsAndNeverAnswersBlocksAtTheRequestTimeout() {
        try (RawServer silent = RawServer.silent()) {
            Cli.Result r = verifyInThreeRounds(silent.url());

            blocked(r, "UNKNOWN", "commit: could not read the commit from the site for 2s: /: 3 of 3 responses failed: "
                    + "no complete response within 1s");
            assertThat(silent.accepted()).as("connections accepted").isPositive();
        }
    }

    @Test
    void aServerThatStallsMidBodyBlocksAtTheRequestTimeout() {
        try (RawServer stalling = RawServer.stallingMidBody(NEW)) {
            Cli.Result r = verifyInThreeRounds(stalling.url());

            blocked(r, "UNKNOWN", "commit: could not read the commit from the site for 2s: /: 3 of 3 responses failed: "
                    + "no complete response within 1s");
        }
    }

    @Test
    void aSelfSignedCertificateBlocksWhenCertificatesAreVerified() throws Exception {
        try (SelfSignedSite site = SelfSignedSite.page(certificates, NEW)) {
            Cli.Result r = verify(site.url(), "");

            blocked(r, "UNKNOWN", "commit: could not read the commit from the site for 3s: /: 7 of 7 responses failed: "
                    + "TLS failed with 127\\.0\\.0\\.1:" + site.port()
                    + ": unable to find valid certification path to requested target");
        }
    }

    @Test
    void aSelfSignedCertificatePassesWithInsecureAndAWarningOnEveryRun() throws Exception {
        try (SelfSignedSite site = SelfSignedSite.page(certificates, NEW)) {
            Cli.Result r = verify(site.url(), "tls: { insecure: true }\n");

            assertThat(r.exit()).as(r.all()).isZero();
            JsonNode record = RunFolders.record(dir.resolve("run"), 0);
            assertThat(record.path("verdict").asText()).isEqualTo("WARN");
            assertThat(record.path("release").asText()).isEqualTo("LIVE");
            JsonNode tls = RunFolders.check(record, "tls");
            assertThat(tls.path("status").asText()).isEqualTo("WARN");
            assertThat(tls.path("playbook").asText()).isEqualTo("tls-insecure");
            assertThat(record.path("reason").asText()).isEqualTo("1 warning, nothing blocks: tls: certificate verification "
                    + "is off (tls.insecure: true): anyone between the gate and the site can answer for it");
            assertThat(RunFolders.check(record, "home").path("status").asText()).as("the page rendered over TLS").isEqualTo("PASS");
            RunFolders.assertNothingHalfWritten(dir.resolve("run"));
        }
    }

    @Test
    void fiveHundredsOnSomeRequestsNeverPass() {
        try (TestSite site = TestSite.start()) {
            // one instance of two answers 500: every other request fails
            site.route("/", q -> q.n() % 2 == 0 ? Reply.status(500, "upstream error") : Reply.html(TestSite.pageWithCommit(NEW)));

            Cli.Result r = verifyConsecutive(site.url(), 2);

            blocked(r, "PARTLY_LIVE", "commit: 9f8e7d6 is only partly live after 3s: /: 4 of 7 responses served 9f8e7d6 "
                    + "\\(expected\\), 3 failed: HTTP 500: some responses fail: an instance is unhealthy");
        }
    }

    private Cli.Result verifyConsecutive(URI target, int consecutive) {
        String yaml = Suites.onePage(target, "").replace("consecutive: 1", "consecutive: " + consecutive);
        Suites.write(dir, "suite.yaml", yaml);
        Cli gate = new Cli(dir);
        return assertTimeoutPreemptively(HANG_GUARD,
                () -> gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));
    }

    @Test
    void aRedirectLoopBlocksNamingTheLoop() {
        try (TestSite site = TestSite.start()) {
            site.route("/", q -> Reply.status(302, "").withHeader("Location", "/a"));
            site.route("/a", q -> Reply.status(302, "").withHeader("Location", "/"));

            Cli.Result r = verify(site.url(), "");

            blocked(r, "UNKNOWN", "commit: could not read the commit from the site for 3s: /: 7 of 7 responses failed: "
                    + "too many redirects \\(a redirect loop\\?\\)");
        }
    }

    @Test
    void mixedVersionsBehindARoundRobinPoolAreOnlyPartlyLive() {
        try (TestSite site = TestSite.start()) {
            AtomicInteger turn = new AtomicInteger();
            site.route("/", q -> Reply.html(TestSite.pageWithCommit(turn.getAndIncrement() % 2 == 0 ? NEW : OLD)));

            Cli.Result r = verifyConsecutive(site.url(), 2);

            blocked(r, "PARTLY_LIVE", "commit: 9f8e7d6 is only partly live after 3s: /: 4 of 7 responses served "
                    + "9f8e7d6 \\(expected\\), 3 served 1a2b3c4: an instance or a cache is stale");
        }
    }

    @Test
    void aPageThatClaimsTwoCommitsBlocksNamingBoth() {
        try (TestSite site = TestSite.start()) {
            site.route("/", q -> Reply.html(TestSite.pageWithCommit(NEW)
                    .replace("</head>", "<meta name=\"commit\" content=\"" + OLD + "\"></head>")));

            Cli.Result r = verify(site.url(), "");

            JsonNode record = blocked(r, "UNKNOWN", "commit: could not read the commit from the site for 3s: /: 7 of 7 responses "
                    + "failed: the page has two <meta name=\"commit\"> tags that disagree, 9f8e7d6 and 1a2b3c4: a broken build "
                    + "or a cache mix");
            assertThat(RunFolders.check(record, "commit").path("metrics").path("observed_commit").isMissingNode())
                    .as("neither commit is taken for the one the page serves").isTrue();
        }
    }

    /**
     * A 50 MB page (a huge inline state blob, as server-rendered apps ship) is judged by a gate whose
     * heap is 128 MB: the gate keeps at most a few MB of any response, so it finishes with the
     * page's own verdict. An OutOfMemoryError anywhere would end the JVM with status 3.
     */
    @Test
    void aFiftyMegabytePageIsJudgedWithABoundedHeap() throws Exception {
        HttpServer big = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        byte[] head = ("<!doctype html><html><head><title>Shop</title><meta name=\"commit\" content=\"" + NEW + "\"></head>"
                + "<body><main id=\"main\">hello</main><script type=\"application/json\" id=\"state\">[")
                .getBytes(StandardCharsets.UTF_8);
        byte[] chunk = "\"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde\",".repeat(1024)
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"end\"]</script></body></html>".getBytes(StandardCharsets.UTF_8);
        int chunks = 50 * 1024 * 1024 / chunk.length;
        long length = head.length + (long) chunks * chunk.length + tail.length;
        big.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                if (!exchange.getRequestURI().getPath().equals("/")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(head);
                    for (int i = 0; i < chunks; i++) {
                        out.write(chunk);
                    }
                    out.write(tail);
                }
            } catch (java.io.IOException closedByTheClient) {
                // the gate keeps only the head of the page and hangs up: as it should
            }
        });
        big.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        big.start();
        try {
            URI target = URI.create("http://127.0.0.1:" + big.getAddress().getPort());
            Suites.write(dir, "suite.yaml", Suites.onePage(target, "").replace("request: 1s", "request: 20s")
                    .replace("timeout: 3s", "timeout: 30s"));
            assertThat(length).isGreaterThan(50L * 1000 * 1000);

            try (GateProcess gate = GateProcess.in(dir).jvm("-Xmx128m").jvm("-XX:+ExitOnOutOfMemoryError")
                    .start("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run")) {
                int exit = gate.awaitExit(Duration.ofSeconds(120));

                assertThat(exit).as(gate.output()).isZero();
                assertThat(gate.output()).doesNotContain("OutOfMemoryError").contains("PASS  all 2 checks passed");
                JsonNode record = RunFolders.record(dir.resolve("run"), 0);
                assertThat(RunFolders.check(record, "home").path("summary").asText()).startsWith("/ rendered in ");
                RunFolders.assertNothingHalfWritten(dir.resolve("run"));
            }
        } finally {
            big.stop(0);
        }
    }
}
