package dev.gate.checks.api;

import dev.gate.checks.testing.SelfSignedSite;
import static dev.gate.checks.api.ApiSpecBuilder.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Progress;
import dev.gate.checks.Redactor;
import dev.gate.checks.Status;
import dev.gate.checks.http.HttpProbe;
import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.testing.ManualClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Calls that get no usable response fail with the cause in one line, and never hang. */
class ApiCheckFailuresTest {
    /** One certificate for the class: keytool takes seconds. */
    @TempDir
    static Path certificates;
    @TempDir
    Path runDir;
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    private CheckContext context(URI target, Duration timeout, TlsPolicy tls) {
        return new CheckContext(target, new HttpProbe(timeout, tls), clock, clock, runDir, Redactor.none(),
                Progress.silent());
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails, not holds the build
    void aServerThatAcceptsAndNeverAnswersFailsAtTheTimeout() throws Exception {
        // bound but never accepting: the kernel completes the connection, nobody ever reads the request
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI target = URI.create("http://127.0.0.1:" + silent.getLocalPort());

            CheckResult result = get("/api/health").check().run(context(target, Duration.ofMillis(500), TlsPolicy.VERIFY));

            assertThat(result.status()).isEqualTo(Status.FAIL);
            assertThat(result.summary()).isEqualTo("GET /api/health: no response within 500ms");
            assertThat(result.details()).containsExactly(result.summary());
            assertThat(result.playbook()).isEqualTo("api-failed");
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aServerThatTricklesItsBodyIsCutOffAtTheDeadline() throws Exception {
        // every byte arrives well within the socket timeout, so only the call's deadline can end this
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread trickle = new Thread(() -> {
                try (Socket s = server.accept()) {
                    s.getInputStream().read(new byte[8192]);
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    for (int i = 0; i < 100_000; i++) {
                        out.write(' ');
                        out.flush();
                        Thread.sleep(50);
                    }
                } catch (IOException | InterruptedException closedByTheClient) {
                    // the client gave up, as it should
                }
            }, "trickle");
            trickle.setDaemon(true);
            trickle.start();
            URI target = URI.create("http://127.0.0.1:" + server.getLocalPort());

            CheckResult result = get("/api/health").check().run(context(target, Duration.ofMillis(800), TlsPolicy.VERIFY));

            assertThat(result.summary()).isEqualTo("GET /api/health: no response within 800ms");
            trickle.join(10_000);
            assertThat(trickle.isAlive()).as("the server noticed the client closed the connection").isFalse();
        }
    }

    @Test
    void aRefusedConnectionFailsNamingWhere() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        URI target = URI.create("http://127.0.0.1:" + port);

        CheckResult result = get("/api/health").check().run(context(target, Duration.ofSeconds(5), TlsPolicy.VERIFY));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.summary()).isEqualTo("GET /api/health: connection refused by 127.0.0.1:" + port);
        assertThat(result.metrics()).isEmpty();
    }

    @Test
    void aSelfSignedCertificateFailsWhenCertificatesAreVerified() throws Exception {
        try (SelfSignedSite site = SelfSignedSite.api(certificates)) {
            CheckResult result = get("/api/health").check().run(context(site.url(), Duration.ofSeconds(5), TlsPolicy.VERIFY));

            assertThat(result.status()).isEqualTo(Status.FAIL);
            assertThat(result.summary()).isEqualTo("GET /api/health: TLS failed with 127.0.0.1:" + site.port()
                    + ": unable to find valid certification path to requested target");
        }
    }

    @Test
    void aSelfSignedCertificateIsAcceptedWhenTheSuiteSaysInsecure() throws Exception {
        try (SelfSignedSite site = SelfSignedSite.api(certificates)) {
            CheckResult result = get("/api/health").json("status", "ok").check()
                    .run(context(site.url(), Duration.ofSeconds(5), TlsPolicy.INSECURE));

            assertThat(result.details()).isEmpty();
            assertThat(result.status()).isEqualTo(Status.PASS);
        }
    }
}
