package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static dev.gate.faults.Suites.OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.gate.checks.testing.TestSite;
import dev.gate.cli.Cli;
import dev.gate.realstack.LocalNginx;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which layer holds the old release, when a real nginx stands between the gate and the app: its
 * {@code proxy_cache} keeps serving a page of the previous release, or one of the two app servers
 * behind its upstream was not deployed. The real {@code gate verify}; the app servers are the JDK's.
 */
class StaleCacheIT {
    private static final Duration HANG = Duration.ofSeconds(120);

    @TempDir
    Path dir;
    private final List<Backend> backends = new ArrayList<>();
    private LocalNginx nginx;

    /** One app server: the commit in its pages, and its name in {@code X-Instance}. */
    private static final class Backend implements AutoCloseable {
        final HttpServer server;
        volatile String commit;

        Backend(String name, String commit) throws IOException {
            this.commit = commit;
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] body = TestSite.pageWithCommit(this.commit).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "text/html");
                    exchange.getResponseHeaders().set("X-Instance", name);
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @BeforeEach
    void nginxIsThere() {
        assumeTrue(Files.isExecutable(LocalNginx.BINARY), "nginx is not installed (bin/test installs nginx-light)");
    }

    @AfterEach
    void stop() {
        if (nginx != null) {
            nginx.close();
        }
        backends.forEach(Backend::close);
    }

    private Backend backend(String name, String commit) throws IOException {
        Backend b = new Backend(name, commit);
        backends.add(b);
        return b;
    }

    private JsonNode verify(String extra, String pages) {
        Suites.write(dir, "suite.yaml", "name: shop\ntarget: " + nginx.url() + "\n"
                + "timeouts: { request: 2s, page: 20s, run: 2m }\n"
                + "commit: { converge: { consecutive: 2, timeout: 3s, interval: 500ms }" + extra + " }\n"
                + "pages:\n" + pages);
        Cli gate = new Cli(dir);
        Cli.Result verify = assertTimeoutPreemptively(HANG, () -> gate.run("verify", "--suite", "suite.yaml",
                "--expect-commit", NEW, "--out", "run", "--no-rollback"));
        assertThat(verify.exit()).as(verify.all()).isEqualTo(1);
        return RunFolders.check(RunFolders.record(dir.resolve("run"), verify.exit()), "commit");
    }

    /** A user's plain request fills the cache with the old /p/42, then the app takes the new release. */
    private JsonNode verifyAfterTheCacheWasFilled(Backend app) throws Exception {
        HttpResponse<String> warm = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(nginx.url() + "/p/42")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(warm.headers().firstValue("X-Cache-Status")).as("the cache was filled").contains("MISS");
        app.commit = NEW;

        JsonNode commit = verify("", "  - { id: home, path: / }\n  - { id: product, path: /p/42 }\n");
        return commit;
    }

    @Test
    void aCacheKeyedOnTheFullUrlThatTheBustedReadsMissStillFailsWhenUsersGetTheOldPage() throws Exception {
        Backend app = backend("web-1", OLD);
        nginx = LocalNginx.cachingProxyWithDefaultKey(dir.resolve("nginx"), List.of(app.port()), "/p/");
        JsonNode commit = verifyAfterTheCacheWasFilled(app);

        // every busted read missed the cache and saw the new release; a user's plain request did not
        assertThat(commit.path("metrics").path("liveness").asText()).isEqualTo("LIVE");
        assertThat(commit.path("status").asText()).isEqualTo("FAIL");
        assertThat(commit.path("summary").asText()).isEqualTo("/p/42: served " + OLD.substring(0, 7)
                + " to a plain request with X-Cache-Status: HIT, though the release is live: "
                + "a cache keyed on the full URL holds the old page; purge /p/42");
        assertThat(commit.path("playbook").asText()).isEqualTo("stale-instance");
    }

    @Test
    void aPageTheProxyCacheKeepsServingFromThePreviousReleaseNamesTheCache() throws Exception {
        Backend app = backend("web-1", OLD);
        nginx = LocalNginx.cachingProxy(dir.resolve("nginx"), List.of(app.port()), "/p/");
        JsonNode commit = verifyAfterTheCacheWasFilled(app);

        // no baseline, and / served the new release first: the old commit is not labelled (previous)
        assertThat(commit.path("summary").asText()).matches("9f8e7d6 is only partly live after 3s: /p/42: (\\d+) of \\1 responses "
                + "served 1a2b3c4 with X-Cache-Status: HIT: an edge cache holds the old page; purge /p/42");
        assertThat(commit.path("playbook").asText()).isEqualTo("stale-instance");
        assertThat(commit.path("metrics").path("stale_layer").asText()).isEqualTo("edge-cache");
    }

    @Test
    void oneOfTwoAppServersStillOnThePreviousReleaseIsNamedByItsInstanceHeader() throws Exception {
        Backend fresh = backend("web-1", NEW);
        Backend stale = backend("web-3", OLD);
        nginx = LocalNginx.cachingProxy(dir.resolve("nginx"), List.of(fresh.port(), stale.port()), "/cached/");

        // one page: nginx's round robin then takes turns within it (with two, each page met one server)
        JsonNode commit = verify(", instance_header: X-Instance", "  - { id: home, path: / }\n");

        // without a baseline the first commit seen is the one labelled; either server may answer first
        assertThat(commit.path("summary").asText()).matches("9f8e7d6 is only partly live after 3s: /: (\\d+) of (\\d+) responses "
                + "served (9f8e7d6 \\(expected\\)|1a2b3c4( \\(previous\\))?), \\d+ served (1a2b3c4( \\(previous\\))?|9f8e7d6 \\(expected\\)): "
                + "instance web-3 still serves 1a2b3c4 \\(\\d+ of \\2 responses\\)");
        assertThat(commit.path("metrics").path("stale_layer").asText()).isEqualTo("instance");
        List<String> details = new ArrayList<>();
        commit.path("details").forEach(d -> details.add(d.asText()));
        assertThat(details).singleElement().asString().contains("instance web-3 still serves 1a2b3c4");
    }
}
