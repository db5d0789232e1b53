package dev.gate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.io.Json;
import dev.gate.report.RunOutput;
import dev.gate.run.RunRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What every run folder must look like after a run, whatever went wrong in it. */
final class RunFolders {
    private static final Set<String> RELEASES = Set.of("LIVE", "PARTLY_LIVE", "NEVER_LIVE", "UNKNOWN");
    private static final Set<String> VERDICTS = Set.of("PASS", "WARN", "BLOCK");
    private static final Set<String> STATUSES = Set.of("PASS", "SKIPPED", "WARN", "FAIL", "ERROR");

    private RunFolders() {
    }

    /**
     * The run record of {@code runDir}, checked against schema {@code gate.run/1}: it reads back as
     * a {@link RunRecord}, every field is there with a value of its kind, its exit status is
     * {@code exit}, its reason is one line, and every artifact it names exists.
     */
    static JsonNode record(Path runDir, int exit) {
        Path file = runDir.resolve(RunOutput.RESULT);
        assertThat(file).as("result.json in " + runDir).isRegularFile();
        JsonNode r;
        try {
            RunOutput.read(file);
            r = Json.mapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new AssertionError("result.json does not read back: " + e.getMessage(), e);
        }
        assertThat(r.path("schema").asText()).isEqualTo(RunRecord.SCHEMA);
        assertThat(r.path("gate_version").asText()).isNotBlank();
        assertThat(r.path("suite").path("name").asText()).isNotBlank();
        assertThat(r.path("suite").path("file").asText()).isNotBlank();
        assertThat(r.path("target").asText()).startsWith("http");
        Instant started = Instant.parse(r.path("started_at").asText());
        assertThat(Instant.parse(r.path("finished_at").asText())).isAfterOrEqualTo(started);
        assertThat(Instant.parse(r.path("decided_at").asText())).isAfterOrEqualTo(started);
        assertThat(r.path("expected_commit").asText()).matches("[0-9a-f]{7,64}");
        assertThat(r.has("observed_commit") && r.has("previous_commit")).as("observed_commit and previous_commit").isTrue();
        assertThat(r.path("release").asText()).isIn(RELEASES);
        assertThat(r.path("verdict").asText()).isIn(VERDICTS);
        assertThat(r.path("exit_status").isInt()).isTrue();
        assertThat(r.path("exit_status").asInt()).as("exit_status").isEqualTo(exit);
        assertThat(r.path("verdict").asText().equals("BLOCK")).as("a non-zero exit is a BLOCK, never a PASS")
                .isEqualTo(exit != 0);
        assertThat(r.path("reason").asText()).isNotBlank().doesNotContain("\n");
        assertThat(r.path("interrupted").isBoolean()).as("interrupted is a boolean").isTrue();
        assertThat(r.path("actions").isArray()).isTrue();
        assertThat(r.path("checks").isArray()).isTrue();
        assertThat(r.path("checks").size()).as("checks").isPositive();
        for (JsonNode c : r.path("checks")) {
            assertThat(c.path("id").asText()).isNotBlank();
            assertThat(c.path("kind").asText()).isNotBlank();
            assertThat(c.path("name").isTextual()).isTrue();
            assertThat(c.path("status").asText()).isIn(STATUSES);
            assertThat(c.path("summary").asText()).as("summary of " + c.path("id")).isNotBlank().doesNotContain("\n");
            assertThat(c.path("details").isArray() && c.path("metrics").isObject() && c.path("artifacts").isArray()
                    && c.path("playbook").isTextual() && c.path("duration_ms").isIntegralNumber())
                    .as("fields of check " + c.path("id")).isTrue();
            for (JsonNode a : c.path("artifacts")) {
                assertThat(runDir.resolve(a.path("path").asText())).as("artifact of " + c.path("id")).isRegularFile();
            }
        }
        return r;
    }

    /** The check of the record with this id. */
    static JsonNode check(JsonNode record, String id) {
        for (JsonNode c : record.path("checks")) {
            if (c.path("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no check \"" + id + "\" in " + record.path("checks"));
    }

    /** No temporary file of an atomic write, and no lock, anywhere under the folders. */
    static void assertNothingHalfWritten(Path... folders) {
        for (Path folder : folders) {
            if (!Files.exists(folder)) {
                continue;
            }
            assertThat(files(folder)).as("temporary files and locks under " + folder)
                    .noneMatch(p -> p.getFileName().toString().endsWith(".tmp"))
                    .noneMatch(p -> p.getFileName().toString().equals(".gate.lock"));
        }
    }

    /** Every file 0644 and every folder 0755 under {@code folder}, itself included. */
    static void assertPermissions(Path folder) {
        List<String> wrong = new ArrayList<>();
        for (Path p : files(folder)) {
            try {
                Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                String want = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "rwxr-xr-x" : "rw-r--r--";
                if (!PosixFilePermissions.toString(perms).equals(want)) {
                    wrong.add(folder.relativize(p) + " is " + PosixFilePermissions.toString(perms) + ", not " + want);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(wrong).as("permissions under " + folder).isEmpty();
    }

    /** The folder and everything under it. */
    static List<Path> files(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The relative paths of the regular files under {@code folder}, that contain {@code text} as UTF-8. */
    static List<String> filesContaining(Path folder, String text) {
        byte[] needle = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        List<String> hits = new ArrayList<>();
        for (Path p : files(folder)) {
            if (Files.isRegularFile(p)) {
                try {
                    if (contains(Files.readAllBytes(p), needle)) {
                        hits.add(folder.relativize(p).toString());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return hits;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
