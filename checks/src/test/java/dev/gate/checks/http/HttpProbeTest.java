package dev.gate.checks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class HttpProbeTest {

    @Test
    void keepsAtMostTheLimitOfALargeBody() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.route("/big", r -> Reply.html("x".repeat(200_000)));
            HttpProbe probe = new HttpProbe(Duration.ofSeconds(5), TlsPolicy.VERIFY, 10_000);

            ProbeResponse response = probe.get(URI.create(site.url("/big")), Map.of());

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).hasSize(10_000);
            assertThat(response.truncated()).isTrue();
        }
    }

    @Test
    void aBodyThatStallsHalfwayEndsAtTheTimeout() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nhalf a bo".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    done.await();
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            t.setDaemon(true);
            t.start();
            HttpProbe probe = new HttpProbe(Duration.ofMillis(500), TlsPolicy.VERIFY);

            assertThatThrownBy(() -> probe.get(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"), Map.of()))
                    .isInstanceOf(IOException.class)
                    .hasMessage("no complete response within 500ms");
        } finally {
            done.countDown();
        }
    }

    /** The JDK client's request timeout and the probe's own deadline race; whichever wins, the line is the same. */
    @Test
    void theClientsOwnTimeoutReadsLikeTheProbesDeadline() {
        IOException described = HttpProbe.describe(new HttpTimeoutException("request timed out"),
                URI.create("http://127.0.0.1:8080/"), Duration.ofSeconds(1));

        assertThat(described).hasMessage("no complete response within 1s");
    }

    @Test
    void followsRedirectsAndReportsWhereItEnded() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.route("/old", r -> Reply.status(301, "").withHeader("Location", "/new"));
            site.route("/new", r -> Reply.html("arrived"));

            ProbeResponse response = new HttpProbe(Duration.ofSeconds(5), TlsPolicy.VERIFY)
                    .get(URI.create(site.url("/old")), Map.of());

            assertThat(response.uri().getPath()).isEqualTo("/new");
            assertThat(response.bodyText()).isEqualTo("arrived");
        }
    }

    @Test
    void aRedirectLoopFailsSayingSo() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.route("/a", r -> Reply.status(302, "").withHeader("Location", "/b"));
            site.route("/b", r -> Reply.status(302, "").withHeader("Location", "/a"));

            assertThatThrownBy(() -> new HttpProbe(Duration.ofSeconds(5), TlsPolicy.VERIFY)
                    .get(URI.create(site.url("/a")), Map.of()))
                    .hasMessage("too many redirects (a redirect loop?)");
        }
    }
}
