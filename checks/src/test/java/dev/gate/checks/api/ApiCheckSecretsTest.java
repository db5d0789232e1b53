package dev.gate.checks.api;

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
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary secrets sent in credential headers, which the server echoes back in its body and
 * headers, appear in no field of the result and nowhere on the console.
 */
class ApiCheckSecretsTest {
    private static final String TOKEN = "canary-tok-7f3e9b2a1c";
    private static final String API_KEY = "canary-key-5d8c0e4b77";
    private static final String SESSION = "canary-ses-2a9f61c3d0";
    private static final String ISSUED = "canary-new-8b1d27e5f4";

    @TempDir
    Path runDir;
    private final TestSite site = TestSite.start();
    private final ManualClock clock = ManualClock.at("2026-11-25T10:00:00Z");

    @AfterEach
    void stop() {
        site.close();
    }

    private CheckContext context(Redactor redactor) {
        return new CheckContext(site.url(), new HttpProbe(Duration.ofSeconds(5), TlsPolicy.VERIFY), clock, clock,
                runDir, redactor, Progress.silent());
    }

    /** A careless server: a 500 that repeats every credential it was sent, and a new session cookie. */
    private void echoingServer() {
        site.route("/api/account", r -> Reply.json("{\"error\":\"rejected " + r.header("Authorization") + "\","
                        + "\"key\":\"" + r.header("X-Api-Key") + "\",\"cookie\":\"" + r.header("Cookie") + "\"}")
                .withStatus(500)
                .withHeader("X-Echo", r.header("Authorization"))
                .withHeader("Set-Cookie", "fresh=" + ISSUED + "; Path=/; HttpOnly"));
    }

    private ApiSpecBuilder careless() {
        return get("/api/account")
                .header("Authorization", "Bearer " + TOKEN)
                .header("X-Api-Key", API_KEY)
                .header("Cookie", "theme=dark; session=" + SESSION)
                .status(200)
                .expectHeader("X-Echo", "nope")
                .expectHeader("Set-Cookie", "/^other=/")
                .json("key", "something else")
                .json("cookie", "something else")
                .contains("welcome");
    }

    @Test
    void credentialHeadersEchoedByTheServerAreMaskedInEveryField() {
        echoingServer();

        CheckResult result = careless().check().run(context(Redactor.none()));

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.toString()).doesNotContain(TOKEN, API_KEY, SESSION, ISSUED);
        assertThat(result.details()).containsExactly(
                "GET /api/account → 500 (expected 200): {\"error\":\"rejected •••\",\"key\":\"•••\",\"cookie\":\"•••\"}",
                "GET /api/account: header X-Echo is \"•••\", expected \"nope\"",
                "GET /api/account: header Set-Cookie is \"•••\", expected /^other=/",
                "GET /api/account: key is \"•••\", expected \"something else\"",
                "GET /api/account: cookie is \"•••\", expected \"something else\"",
                "GET /api/account: the body does not contain \"welcome\"");
        assertThat(site.requests("/api/account").get(0).header("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void secretsTheSuiteDeclaredAreMaskedInTheNameToo() {
        String secret = "suite-secret-31415";
        site.route("/api/account", r -> Reply.status(403, "key " + secret + " is revoked"));

        CheckResult result = get("/api/account?key=" + secret).check().run(context(Redactor.of(Set.of(secret))));

        assertThat(result.name()).isEqualTo("GET /api/account?key=•••");
        assertThat(result.summary()).isEqualTo("GET /api/account?key=••• → 403 (expected 2xx): key ••• is revoked");
        assertThat(site.requests("/api/account").get(0).uri().getQuery()).isEqualTo("key=" + secret);
    }

    @Test
    void aFailingCallPrintsNothing() {
        echoingServer();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        CheckResult result;
        try {
            System.setOut(capture);
            System.setErr(capture);
            result = careless().check().run(context(Redactor.none()));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }

        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
