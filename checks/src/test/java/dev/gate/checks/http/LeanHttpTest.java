package dev.gate.checks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.checks.testing.EncodedSite;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class LeanHttpTest {

    @Test
    void keepsOneConnectionAliveAcrossRequests() throws Exception {
        try (TestSite site = TestSite.start(); LeanHttp http = new LeanHttp(Duration.ofSeconds(5), TlsPolicy.VERIFY)) {
            site.route("/a", r -> Reply.json("{\"n\":" + r.n() + "}"));
            for (int i = 0; i < 5; i++) {
                LeanHttp.Timing t = http.send("GET", URI.create(site.url("/a")), Map.of(), Optional.empty());
                assertThat(t.status()).isEqualTo(200);
                assertThat(t.bytes()).isEqualTo(7);
                assertThat(t.ttfb()).isLessThanOrEqualTo(t.total());
            }
            assertThat(site.requests("/a")).extracting(TestSite.Request::remotePort).containsOnly(site.requests("/a").get(0).remotePort());
        }
    }

    @Test
    void timesACompressedAnswerByItsBytesOnTheWire() throws Exception {
        try (EncodedSite site = EncodedSite.start(); LeanHttp http = new LeanHttp(Duration.ofSeconds(5), TlsPolicy.VERIFY)) {
            String json = "{\"items\":[" + "1,".repeat(10_000) + "1]}";
            site.route("/a", "application/json", "gzip", json);
            site.bomb("/bomb", 1L * 1024 * 1024 * 1024);
            long wire = EncodedSite.gzip(json.getBytes(StandardCharsets.UTF_8)).length;

            LeanHttp.Timing t = http.send("GET", URI.create(site.url("/a")), Map.of("Accept-Encoding", "gzip"), Optional.empty());
            LeanHttp.Timing bomb = http.send("GET", URI.create(site.url("/bomb")), Map.of("Accept-Encoding", "gzip"), Optional.empty());

            assertThat(t.status()).isEqualTo(200);
            assertThat(t.bytes()).isEqualTo(wire);
            assertThat(bomb.status()).isEqualTo(200);
            assertThat(bomb.bytes()).isLessThan(4L * 1024 * 1024); // drained as sent, never inflated
        }
    }

    @Test
    void sendsAMethodWithABodyAndItsHeaders() throws Exception {
        try (TestSite site = TestSite.start(); LeanHttp http = new LeanHttp(Duration.ofSeconds(5), TlsPolicy.VERIFY)) {
            site.route("/import", r -> Reply.json(r.body()).withStatus(r.method().equals("POST") ? 201 : 405));

            LeanHttp.Timing t = http.send("POST", URI.create(site.url("/import?dry=1")),
                    Map.of("Content-Type", "application/json", "Authorization", "Bearer x"), Optional.of("{\"a\":1}"));

            assertThat(t.status()).isEqualTo(201);
            TestSite.Request seen = site.requests("/import").get(0);
            assertThat(seen.body()).isEqualTo("{\"a\":1}");
            assertThat(seen.uri().getQuery()).isEqualTo("dry=1");
            assertThat(seen.header("Authorization")).isEqualTo("Bearer x");
        }
    }

    @Test
    void readsChunkedBodiesAndReconnectsWhenTheServerClosed() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n";
        String closing = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok";
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
             LeanHttp http = new LeanHttp(Duration.ofSeconds(5), TlsPolicy.VERIFY)) {
            Thread t = new Thread(() -> {
                try {
                    for (String response : new String[] {chunked, closing, closing}) {
                        try (Socket s = server.accept()) {
                            s.getInputStream().read(new byte[4096]);
                            s.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
                            s.getOutputStream().flush();
                        }
                    }
                } catch (IOException e) {
                    // the test is over
                }
            });
            t.setDaemon(true);
            t.start();
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");

            assertThat(http.send("GET", uri, Map.of(), Optional.empty()).bytes()).isEqualTo(11);
            assertThat(http.send("GET", uri, Map.of(), Optional.empty()).bytes()).isEqualTo(2);
            assertThat(http.send("GET", uri, Map.of(), Optional.empty()).status()).isEqualTo(200);
        }
    }

    @Test
    void aServerThatStallsEndsAtTheTimeout() throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LeanHttp http = new LeanHttp(Duration.ofMillis(300), TlsPolicy.VERIFY)) {
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nhal".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    done.await();
                } catch (IOException | InterruptedException e) {
                    // the test is over
                }
            });
            t.setDaemon(true);
            t.start();

            assertThatThrownBy(() -> http.send("GET", URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"), Map.of(),
                    Optional.empty())).isInstanceOf(IOException.class).hasMessage("no response within 300ms");
        } finally {
            done.countDown();
        }
    }

    @Test
    void nothingListeningIsSaidPlainly() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (LeanHttp http = new LeanHttp(Duration.ofSeconds(2), TlsPolicy.VERIFY)) {
            assertThatThrownBy(() -> http.send("GET", URI.create("http://127.0.0.1:" + port + "/"), Map.of(), Optional.empty()))
                    .hasMessage("connection refused by 127.0.0.1:" + port);
        }
    }
}
