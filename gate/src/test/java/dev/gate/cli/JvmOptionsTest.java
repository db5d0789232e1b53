package dev.gate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/jvm-options}, run as the launcher runs it: what the JVM is started with, and what a user's GATE_JAVA_OPTS takes over. */
class JvmOptionsTest {
    /** Maven runs the tests in the module's folder; the script is in the repository's bin/. */
    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("bin/jvm-options");

    @TempDir
    Path dir;

    @Test
    void aShortLivedJvmByDefault() throws Exception {
        assertThat(options("")).containsSequence("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmn16m");
    }

    @Test
    void aUsersCollectorReplacesTheSerialOneAndItsYoungGeneration() throws Exception {
        assertThat(options("-XX:+UseG1GC")).contains("-XX:TieredStopAtLevel=1").doesNotContain("-XX:+UseSerialGC", "-Xmn16m");
    }

    @Test
    void aUserWhoSizesTheHeapGetsNoYoungGenerationOfOurs() throws Exception {
        // -Xmn16m beside a heap of 8 MB would make the JVM warn on standard output, among the gate's lines
        for (String theirs : List.of("-Xmx8m", "-Xms4m", "-Xmn64m", "-XX:NewSize=32m", "-XX:NewRatio=3")) {
            assertThat(options(theirs)).as(theirs).contains("-XX:+UseSerialGC").doesNotContain("-Xmn16m");
        }
    }

    private List<String> options(String gateJavaOpts) throws IOException, InterruptedException {
        Path jar = Files.writeString(dir.resolve("gate.jar"), "not a jar");
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString(), jar.toString()).redirectErrorStream(true);
        pb.environment().put("GATE_JAVA_OPTS", gateJavaOpts);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.lines().toList();
    }
}
