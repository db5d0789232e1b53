package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import dev.gate.cli.Cli;
import dev.gate.realstack.LocalNginx;
import dev.gate.realstack.PlaywrightServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code browser.connect}: the real {@code gate verify} renders its key pages on a real
 * {@code playwright run-server} (the npm package of the Java client's version) instead of a
 * browser of its own, with the same results a local Chromium gives; a server that is not there
 * fails the pages with one line and blocks.
 */
class RemoteBrowserIT {
    private static final String TOKEN = "grid-tok-5772156649";
    @TempDir
    Path dir;
    private TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.start();
        site.route("/", q -> Reply.html(TestSite.pageWithCommit(NEW)));
        // broken three ways a browser sees: a script error in the console, an uncaught exception, a missing script
        site.route("/broken", q -> Reply.html("<!doctype html><html><head><title>t</title><meta name=\"commit\" content=\""
                + NEW + "\"></head><body><main id=\"main\">hello</main><script>console.error('cart failed to load')</script>"
                + "<script src=\"/app.js\"></script></body></html>"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private String suite(String browser) {
        return Suites.onePage(site.url(), "  - { id: cart, path: /broken, expect: { selectors: [\"#main\"] } }\n"
                + "browser: " + browser + "\n");
    }

    @Test
    void thePagesRenderOnAPlaywrightServerWithTheResultsALocalBrowserGives() throws Exception {
        assumeTrue(PlaywrightServer.installed(), "playwright is not installed (bin/test installs it into .tools/)");
        Path local = Files.createDirectories(dir.resolve("local"));
        Suites.write(local, "suite.yaml", suite("{ screenshots: on-failure }"));
        Cli.Result here = new Cli(local).run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");
        assertThat(here.exit()).as(here.all()).isEqualTo(1);

        try (PlaywrightServer server = PlaywrightServer.start(dir.resolve("server"))) {
            Path remote = Files.createDirectories(dir.resolve("remote"));
            Suites.write(remote, "suite.yaml", suite("{ connect: \"" + server.endpoint("") + "\", connect_timeout: 20s }"));
            // no local browser at all: a launch would be exit 2, so only the server can render these pages
            Cli gate = new Cli(remote).env("GATE_BROWSER", remote.resolve("no-such-chrome").toString());

            Cli.Result there = gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

            assertThat(there.exit()).as(there.all()).isEqualTo(1);
            assertThat(there.out()).contains("browser: Chromium ")
                    .contains("(Playwright server ws://127.0.0.1:" + server.port() + "/?…, connect timeout 20s)");
            JsonNode record = RunFolders.record(remote.resolve("run"), 1);
            JsonNode localRecord = RunFolders.record(local.resolve("run"), 1);
            assertThat(outcomes(record)).isEqualTo(outcomes(localRecord));
            assertThat(RunFolders.check(record, "home").path("status").asText()).isEqualTo("PASS");
            JsonNode cart = RunFolders.check(record, "cart");
            assertThat(cart.path("status").asText()).isEqualTo("FAIL");
            assertThat(cart.path("details").toString()).contains("cart failed to load").contains("/app.js");
            // the evidence comes back over the connection: the screenshot and the trace, as locally
            assertThat(artifacts(cart)).contains("artifacts/cart/screenshot.png")
                    .isEqualTo(artifacts(RunFolders.check(localRecord, "cart")));
            assertThat(there.out()).contains("BLOCK  cart: ");
            assertThat(server.running()).as("the server outlives the gate's connection").isTrue();
            assertThat(awaitNoBrowsers(server)).as("the browser the server started for the gate, once it disconnected")
                    .isEmpty();

            // a grid's token in the query string goes nowhere the gate writes
            Path withToken = Files.createDirectories(dir.resolve("token"));
            Suites.write(withToken, "suite.yaml", suite("{ connect: \"" + server.endpoint("token=${env:GRID_TOKEN}") + "\" }"));
            Cli.Result tokened = new Cli(withToken).env("GRID_TOKEN", TOKEN)
                    .run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");
            assertThat(tokened.exit()).as(tokened.all()).isEqualTo(1);
            assertThat(RunFolders.check(RunFolders.record(withToken.resolve("run"), 1), "home").path("status").asText())
                    .isEqualTo("PASS");
            assertThat(tokened.all()).doesNotContain(TOKEN);
            assertThat(RunFolders.filesContaining(withToken.resolve("run"), TOKEN)).as("files holding the token").isEmpty();
        }
    }

    @Test
    void aServerThatIsNotThereFailsEveryPageWithOneLineAndBlocks() throws Exception {
        int port = LocalNginx.freePort();
        Suites.write(dir, "suite.yaml", suite("{ connect: \"ws://127.0.0.1:" + port + "/?token=${env:GRID_TOKEN}\", "
                + "connect_timeout: 2s }"));
        Cli gate = new Cli(dir).env("GRID_TOKEN", TOKEN).env("GATE_BROWSER", dir.resolve("no-such-chrome").toString());

        Cli.Result r = gate.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode record = RunFolders.record(dir.resolve("run"), 1);
        String prefix = "browser: could not connect to ws://127.0.0.1:" + port + "/?… within 2s: ";
        for (Map.Entry<String, String> page : Map.of("home", "/", "cart", "/broken").entrySet()) {
            JsonNode check = RunFolders.check(record, page.getKey());
            assertThat(check.path("status").asText()).isEqualTo("ERROR");
            assertThat(check.path("summary").asText()).startsWith(page.getValue() + ": " + prefix)
                    .endsWith("; is the Playwright server running?");
        }
        assertThat(r.out()).contains("BLOCK  home: /: " + prefix);
        assertThat(r.all()).doesNotContain(TOKEN);
        assertThat(RunFolders.filesContaining(dir.resolve("run"), TOKEN)).as("files holding the token").isEmpty();
    }

    /** A server that accepts the connection and never answers: the connect timeout bounds the wait. */
    @Test
    void aServerThatNeverAnswersFailsThePagesWhenTheConnectTimeoutRunsOut() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread accept = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            accept.setDaemon(true);
            accept.start();
            Suites.write(dir, "suite.yaml", suite("{ connect: \"ws://127.0.0.1:" + silent.getLocalPort() + "/\", connect_timeout: 1s }"));

            Cli.Result r = new Cli(dir).run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");

            assertThat(r.exit()).as(r.all()).isEqualTo(1);
            JsonNode home = RunFolders.check(RunFolders.record(dir.resolve("run"), 1), "home");
            assertThat(home.path("status").asText()).isEqualTo("ERROR");
            assertThat(home.path("summary").asText())
                    .startsWith("/: browser: could not connect to ws://127.0.0.1:" + silent.getLocalPort() + "/ within 1s: ")
                    .endsWith("; is the Playwright server running?");
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** The server goes away while a page renders: that page fails, the reconnect fails, the gate blocks and ends. */
    @Test
    void aServerThatDiesMidRunFailsThePagesAndTheGateEnds() throws Exception {
        assumeTrue(PlaywrightServer.installed(), "playwright is not installed (bin/test installs it into .tools/)");
        CountDownLatch rendering = new CountDownLatch(1);
        site.route("/", q -> Reply.html("<!doctype html><html><head><title>t</title><meta name=\"commit\" content=\"" + NEW
                + "\"></head><body><main id=\"main\">hello</main><script src=\"/slow.js\"></script></body></html>"));
        site.route("/slow.js", q -> {
            rendering.countDown();
            return new Reply(200, Map.of("Content-Type", "application/javascript"), "window.loaded = 1;", Duration.ofSeconds(60));
        });
        try (PlaywrightServer server = PlaywrightServer.start(dir.resolve("server"))) {
            Suites.write(dir, "suite.yaml", Suites.onePage(site.url(), "browser: { connect: \"" + server.endpoint("")
                    + "\", connect_timeout: 2s }\n").replace("page: 20s", "page: 60s"));
            try (GateProcess gate = GateProcess.in(dir).start("verify", "--suite", "suite.yaml", "--expect-commit", NEW,
                    "--out", "run")) {
                assertThat(rendering.await(60, TimeUnit.SECONDS)).as("the remote browser asked for the page's script").isTrue();

                server.kill();
                int exit = gate.awaitExit(Duration.ofSeconds(60));

                assertThat(exit).as(gate.output()).isEqualTo(1);
                JsonNode home = RunFolders.check(RunFolders.record(dir.resolve("run"), 1), "home");
                assertThat(home.path("status").asText()).isEqualTo("ERROR");
                // which the gate sees first depends on when the driver reports the lost connection, as with a local crash
                assertThat(home.path("summary").asText()).as(gate.output())
                        .matches("/: (Target page, context or browser has been closed|the browser failed: .+)");
                RunFolders.assertNothingHalfWritten(dir.resolve("run"));
            }
        }
    }

    private static List<String> outcomes(JsonNode record) {
        List<String> out = new ArrayList<>();
        for (JsonNode c : record.path("checks")) {
            out.add(c.path("id").asText() + " " + c.path("status").asText()
                    + (c.path("status").asText().equals("PASS") ? "" : " " + c.path("summary").asText()));
        }
        return out;
    }

    private static List<String> artifacts(JsonNode check) {
        List<String> out = new ArrayList<>();
        check.path("artifacts").forEach(a -> out.add(a.path("path").asText()));
        return out;
    }

    private static List<ProcessHandle> awaitNoBrowsers(PlaywrightServer server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!server.browsers().isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return server.browsers();
    }
}
