package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import dev.gate.cli.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret that straddles a cut leaves none of itself behind: the real {@code gate verify}, against
 * a local site whose answers hold the suite's secret at a chosen offset from each cut the gate makes
 * (the 300-character body snippet, the 120-character header and JSON value snippets, the
 * 110-column summary of the final table). One run per offset, from the secret wholly before every
 * cut, across it, to wholly after it; each run blocks and writes its record, reports and post-mortem.
 *
 * <p>Nothing of three characters or more of the secret may show anywhere: the shortest secret the
 * redactor masks. The secret is mixed-case letters and digits, none of them a filler, so that no
 * three of its characters in a row occur by chance in what the gate writes.
 */
class SecretCutsIT {
    private static final String SECRET = "Zq7XvK9wPj3RtYb8";
    private static final int BODY_CUT = 300;
    private static final int VALUE_CUT = 120;
    private static final int SUMMARY_CUT = 109;
    private static final String SUMMARY_PREFIX = "GET /api/summary → 500 (expected 2xx): ";

    @TempDir
    Path dir;
    private final TestSite site = TestSite.start();

    @AfterEach
    void stop() {
        site.close();
    }

    /** Where the secret starts, relative to each cut. */
    static IntStream shifts() {
        return IntStream.rangeClosed(-SECRET.length() - 1, 1);
    }

    private static String at(int offset) {
        return ".".repeat(offset) + SECRET + ".".repeat(400);
    }

    @ParameterizedTest(name = "secret {0} characters from each cut")
    @MethodSource("shifts")
    void aSecretAcrossAnyCutShowsNoneOfItselfInAnyOutput(int shift) {
        site.route("/version", q -> Reply.json("{\"commit\":\"" + NEW + "\"}"));
        site.route("/api/body", q -> Reply.status(500, at(BODY_CUT + shift)));
        site.route("/api/summary", q -> Reply.status(500, at(SUMMARY_CUT + shift - SUMMARY_PREFIX.length())));
        site.route("/api/header", q -> Reply.json("{}").withHeader("X-Echo", at(VALUE_CUT + shift)));
        site.route("/api/json", q -> Reply.json("{\"status\":\"" + at(VALUE_CUT + shift) + "\"}"));
        Suites.write(dir, "suite.yaml", "name: api\ntarget: " + site.url() + "\n"
                + "timeouts: { request: 2s, page: 20s, run: 2m }\n"
                + "commit: { marker: { json: /version, field: commit }, converge: { consecutive: 1, timeout: 3s, interval: 500ms } }\n"
                + "apis:\n"
                + "  - { id: body, request: { path: /api/body, headers: { X-Token: \"${env:GATE_KEY}\" } } }\n"
                + "  - { id: summary, request: { path: /api/summary } }\n"
                + "  - { id: header, request: { path: /api/header }, expect: { headers: { X-Echo: nope } } }\n"
                + "  - { id: json, request: { path: /api/json }, expect: { json: { status: ok } } }\n");

        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new Cli(dir).env("GATE_KEY", SECRET)
                .run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        JsonNode record = RunFolders.record(dir.resolve("run"), 1);
        assertThat(RunFolders.check(record, "summary").path("summary").asText()).startsWith(SUMMARY_PREFIX);
        for (String id : List.of("body", "summary", "header", "json")) {
            assertThat(RunFolders.check(record, id).path("status").asText()).as(id).isEqualTo("FAIL");
        }
        assertThat(site.requests("/api/body").get(0).header("X-Token")).as("the secret did reach the site").isEqualTo(SECRET);
        List<Path> written = writtenFiles();
        assertThat(written).extracting(p -> dir.relativize(p).toString())
                .contains("run/result.json", "run/report.html", "run/junit.xml", "run/summary.md")
                .anyMatch(p -> p.startsWith("run/2026-11-25-") && p.endsWith(".md"));
        assertThat(fragmentsIn("stdout", r.out())).isEmpty();
        assertThat(fragmentsIn("stderr", r.err())).isEmpty();
        for (Path file : written) {
            assertThat(fragmentsIn(dir.relativize(file).toString(), read(file))).isEmpty();
        }
        assertThat(r.out()).contains("•••");
    }

    /**
     * The site answers its commit marker with a value that is no commit id and holds the secret
     * across the 59-character cut of the quoted value. Masked before it is cut, the quote ends at the
     * mask or keeps it whole; cut first, it kept the secret's first characters, one or two of them
     * too few for the redactor to recognise beside the cut.
     */
    @ParameterizedTest(name = "secret from character {0} of a marker value cut at 59")
    @CsvSource({"50, 6", "57, -1", "58, -1"})
    void aMarkerValueIsMaskedBeforeItIsCut(int start, int dotsAfterMask) {
        site.route("/version", q -> Reply.json("{\"commit\":\"" + at(start) + "\"}"));
        site.route("/api/health", q -> Reply.json("{\"status\":\"ok\"}"));
        Suites.write(dir, "suite.yaml", Suites.apisOnly(site.url(), "secrets: [\"${env:GATE_KEY}\"]\n"));

        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> new Cli(dir).env("GATE_KEY", SECRET)
                .run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "run"));

        assertThat(r.exit()).as(r.all()).isEqualTo(1);
        String quoted = ".".repeat(start) + (dotsAfterMask < 0 ? "" : "•••" + ".".repeat(dotsAfterMask)) + "…";
        assertThat(RunFolders.check(RunFolders.record(dir.resolve("run"), 1), "commit").path("summary").asText())
                .endsWith("responses failed: marker value \"" + quoted + "\" is not a commit id");
        assertThat(r.out()).doesNotContain(SECRET.substring(0, 1) + "…");
    }

    /** Every file the run left, but the suite, which names the variable and not its value. */
    private List<Path> writtenFiles() {
        return RunFolders.files(dir).stream().filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().equals("suite.yaml")).toList();
    }

    /** Each piece of the secret, three characters or longer, that {@code text} holds, named by where. */
    private static List<String> fragmentsIn(String where, String text) {
        List<String> found = new ArrayList<>();
        for (int i = 0; i + 3 <= SECRET.length(); i++) {
            String piece = SECRET.substring(i, i + 3);
            int at = text.indexOf(piece);
            if (at >= 0) {
                found.add(where + ": \"" + piece + "\" in \"" + text.substring(Math.max(0, at - 40),
                        Math.min(text.length(), at + 40)).replace("\n", "\\n") + "\"");
            }
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
