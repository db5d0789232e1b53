package dev.gate.faults;

import static dev.gate.faults.Suites.NEW;
import static dev.gate.faults.Suites.OLD;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two gate processes given the same output folder: the OS lock the first one holds turns the
 * second away at once (exit 2, nothing probed), and the first one's record is the only one there.
 * {@code dev.gate.cli.CliIT.anOutputFolderAnotherRunHoldsIsRefused} proves the same with the lock
 * held in process; this proves it across processes, as two CI jobs would collide.
 */
class ConcurrentRunsIT {
    @TempDir
    Path dir;

    @Test
    void aSecondProcessWritingTheSameRunFolderIsTurnedAway() {
        try (TestSite first = TestSite.start(); TestSite second = TestSite.start()) {
            // the first run waits for a release that never comes, holding the folder meanwhile
            first.route("/version", q -> Reply.json("{\"commit\":\"" + OLD + "\"}"));
            Suites.write(dir, "first.yaml", Suites.apisOnly(first.url(), "").replace("timeout: 3s", "timeout: 5m"));
            Suites.write(dir, "second.yaml", Suites.apisOnly(second.url(), ""));
            try (GateProcess one = GateProcess.in(dir).start("verify", "--suite", "first.yaml", "--expect-commit", NEW,
                    "--out", "run")) {
                one.awaitLine("… commit: waiting for 9f8e7d6", Duration.ofSeconds(60));

                try (GateProcess two = GateProcess.in(dir).start("verify", "--suite", "second.yaml", "--expect-commit", NEW,
                        "--out", "run")) {
                    int exit = two.awaitExit(Duration.ofSeconds(60));

                    assertThat(exit).as(two.output()).isEqualTo(2);
                    assertThat(two.err()).isEqualTo("gate: --out: another gate run is writing " + dir.resolve("run")
                            + "; give this one its own --out");
                    assertThat(second.requests()).as("the second run probed nothing").isEmpty();
                }

                one.signal("TERM");
                assertThat(one.awaitExit(Duration.ofSeconds(60))).as(one.output()).isEqualTo(143);
            }
            JsonNode record = RunFolders.record(dir.resolve("run"), 143);
            assertThat(record.path("suite").path("file").asText()).isEqualTo(dir.resolve("first.yaml").toString());
            RunFolders.assertNothingHalfWritten(dir.resolve("run"));
        }
    }
}
