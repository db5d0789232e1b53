package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.LoginSite;
import dev.gate.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pages behind a login through the real {@code gate verify}, real headless Chromium and a real
 * local site with a login form: the suite signs in once, the account page and the API that need
 * the session get it; with a wrong password the login fails once, naming the step and what the
 * page showed, what needs the session is skipped with that reason, the deploy is blocked, and the
 * password appears nowhere: not on the console, not in any file of the run folder.
 */
class PagesBehindLoginIT {
    private static final String PASSWORD = "s3cret-Passw0rd-4711";

    @TempDir
    Path dir;
    private final LoginSite site = LoginSite.start(PASSWORD, NEW);

    @AfterEach
    void stop() {
        site.close();
    }

    private String suite() {
        return "name: shop\ntarget: " + site.url() + "\n"
                + "timeouts: { request: 2s, page: 5s, run: 2m }\n"
                + "commit: { converge: { consecutive: 1, timeout: 3s, interval: 500ms } }\n"
                + "login:\n"
                + "  - goto: /login\n"
                + "  - fill: { selector: \"#user\", value: ahab }\n"
                + "  - fill: { selector: \"#password\", value: \"${env:SHOP_PASSWORD}\" }\n"
                + "  - click: \"button[type=submit]\"\n"
                + "  - wait_for: { url: /account }\n"
                + "pages:\n"
                + "  - { id: home, path: /, expect: { selectors: [\"#home\"] } }\n"
                + "  - { id: account, path: /account, auth: true, expect: { selectors: [\"#account\"], text: [\"Hello, Captain Ahab\"] } }\n"
                + "apis:\n"
                + "  - { id: me, request: { path: /api/me }, auth: session, expect: { body_contains: [\"Captain Ahab\"] } }\n";
    }

    private Cli.Result verify(String password) {
        Suites.write(dir, "suite.yaml", suite());
        return new Cli(dir).env("SHOP_PASSWORD", password)
                .run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run");
    }

    @Test
    void theSuiteLogsInOnceAndThePageAndTheApiBehindItPass() throws Exception {
        Cli.Result r = verify(PASSWORD);

        assertThat(r.exit()).as(r.all()).isZero();
        assertThat(r.out()).contains("logged in: 5 steps, at /account").contains("all 5 checks passed");
        JsonNode record = RunFolders.record(dir.resolve("run"), 0);
        assertThat(RunFolders.check(record, "login").path("status").asText()).isEqualTo("PASS");
        assertThat(RunFolders.check(record, "account").path("status").asText()).isEqualTo("PASS");
        assertThat(RunFolders.check(record, "me").path("status").asText()).isEqualTo("PASS");
        assertThat(site.site().requests("/login").stream().filter(q -> q.method().equals("POST"))).hasSize(1);
        // the session's cookie is a credential: it is sent, and never shown
        String token = site.sessions().iterator().next();
        assertThat(site.site().requests("/api/me").get(0).header("Cookie")).contains(token);
        assertNowhere(r, List.of(PASSWORD, token));
    }

    @Test
    void aWrongPasswordFailsTheLoginOnceSkipsWhatNeedsItAndBlocksWithoutShowingThePassword() throws Exception {
        String wrong = "wr0ng-Passw0rd-0815";

        Cli.Result r = verify(wrong);

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        String line = "login: failed at step 5 of 5, wait_for { url: /account }: timed out after 5s; "
                + "the page showed \"Sign in\" at /login: \"Invalid password (you typed •••)\"";
        assertThat(r.out()).contains(line);
        assertThat(r.out()).contains("SKIP  account").contains("SKIP  me");
        JsonNode record = RunFolders.record(dir.resolve("run"), 1);
        assertThat(record.path("verdict").asText()).isEqualTo("BLOCK");
        assertThat(record.path("reason").asText()).startsWith(line);
        JsonNode login = RunFolders.check(record, "login");
        assertThat(login.path("status").asText()).isEqualTo("FAIL");
        assertThat(login.path("playbook").asText()).isEqualTo("login-failed");
        assertThat(login.path("artifacts").size()).as("nothing of the login page is kept").isZero();
        for (String id : List.of("account", "me")) {
            JsonNode skipped = RunFolders.check(record, id);
            assertThat(skipped.path("status").asText()).isEqualTo("SKIPPED");
            assertThat(skipped.path("summary").asText()).isEqualTo("skipped: the login "
                    + line.substring("login: ".length()));
        }
        assertThat(RunFolders.check(record, "home").path("status").asText()).isEqualTo("PASS");
        String junit = Files.readString(dir.resolve("run/junit.xml"));
        assertThat(junit).contains("<skipped message=\"skipped: the login failed at step 5 of 5");
        assertThat(Files.readString(dir.resolve("run/report.html"))).contains("SKIPPED");
        assertNowhere(r, List.of(wrong));
        assertThat(Files.exists(dir.resolve("run/artifacts/login"))).isFalse();
    }

    /** None of the secrets on the console or in any file of the run folder (record, reports, stub, logs). */
    private void assertNowhere(Cli.Result r, List<String> secrets) throws Exception {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir.resolve("run"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString())
                .contains("result.json", "junit.xml", "report.html", "summary.md");
        for (String secret : secrets) {
            assertThat(r.all()).doesNotContain(secret);
            for (Path f : files) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain(secret);
            }
        }
    }
}
