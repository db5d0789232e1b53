package dev.gate.checks.api;

import static dev.gate.checks.api.ApiSpecBuilder.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.checks.http.TlsPolicy;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One call, on a connection of its own or a kept-alive one. */
class ApiCallTest {
    private final TestSite site = TestSite.start();

    @AfterEach
    void stop() {
        site.close();
    }

    private URI ping() {
        site.route("/ping", r -> Reply.json("{\"pong\":true}").withHeader("X-Twice", "a"));
        return URI.create(site.url("/ping"));
    }

    @Test
    void keptAliveCallsShareOneConnection() throws Exception {
        URI uri = ping();
        ApiCall call = ApiCall.keptAlive(Duration.ofSeconds(5), TlsPolicy.VERIFY);

        call.send(get("/ping").build(), uri);
        call.send(get("/ping").build(), uri);

        int first = site.requests("/ping").get(0).remotePort();
        assertThat(site.requests("/ping")).extracting(TestSite.Request::remotePort).containsExactly(first, first);
    }

    @Test
    void freshCallsOpenANewConnectionEachTime() throws Exception {
        URI uri = ping();
        ApiCall call = ApiCall.fresh(Duration.ofSeconds(5), TlsPolicy.VERIFY);

        call.send(get("/ping").build(), uri);
        call.send(get("/ping").build(), uri);

        assertThat(site.requests("/ping")).extracting(TestSite.Request::remotePort).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void theResponseCarriesStatusHeadersAndBody() throws Exception {
        ApiResponse response = ApiCall.fresh(Duration.ofSeconds(5), TlsPolicy.VERIFY).send(get("/ping").build(), ping());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headerValues("x-twice")).containsExactly("a");
        assertThat(response.bodyText()).isEqualTo("{\"pong\":true}");
        assertThat(response.bytes()).isEqualTo(13);
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> ApiCall.fresh(Duration.ZERO, TlsPolicy.VERIFY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the timeout must be positive, got PT0S");
    }
}
