package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gate.checks.CheckResult;
import dev.gate.io.Json;
import dev.gate.run.RunRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * result.json with retried checks: the earlier attempts are new fields, so a record keeps them
 * whole through a write and a read, and a record written before retries existed still reads.
 */
class RetriedRecordTest {
    @TempDir
    Path dir;

    @Test
    void earlierAttemptsSurviveTheRoundTripWhole() throws Exception {
        RunRecord written = SampleRuns.retried();
        RunOutput.write(written, dir);

        RunRecord read = RunOutput.read(dir.resolve(RunOutput.RESULT));

        assertThat(read.checks()).isEqualTo(written.checks());
        JsonNode home = Json.mapper().readTree(dir.resolve(RunOutput.RESULT).toFile()).path("checks").get(1);
        assertThat(home.path("earlier_attempts").get(0).path("duration_ms").asLong()).isEqualTo(900);
        assertThat(home.path("earlier_attempts").get(0).path("metrics").path("status").asInt()).isEqualTo(503);
        assertThat(home.has("flaky")).as("derived, not stored").isFalse();
    }

    @Test
    void aRecordWrittenBeforeRetriesReadsAsChecksThatRanOnce() throws Exception {
        RunOutput.write(SampleRuns.retried(), dir);
        ObjectNode old = (ObjectNode) Json.mapper().readTree(dir.resolve(RunOutput.RESULT).toFile());
        old.path("checks").forEach(c -> ((ObjectNode) c).remove(List.of("earlier_attempts", "transient_cause")));
        Files.write(dir.resolve("old.json"), Json.mapper().writeValueAsBytes(old));

        RunRecord read = RunOutput.read(dir.resolve("old.json"));

        CheckResult orders = read.checks().get(2);
        assertThat(orders.earlierAttempts()).isEmpty();
        assertThat(orders.transientCause()).isEmpty();
        assertThat(orders.flaky()).isFalse();
    }
}
