package dev.gate.checks.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceChunkTest {
    @TempDir
    Path dir;

    private static final String EARLIER = "{\"type\":\"resource-snapshot\",\"snapshot\":{\"startedDateTime\":\"1970-01-01T00:00:00.500Z\","
            + "\"request\":{\"url\":\"http://shop/first\"},\"response\":{\"content\":{\"_sha1\":\"old.html\"}}}}";
    private static final String OWN = "{\"type\":\"resource-snapshot\",\"snapshot\":{\"startedDateTime\":\"1970-01-01T00:00:02Z\","
            + "\"request\":{\"url\":\"http://shop/broken\"},\"response\":{\"content\":{\"_sha1\":\"new.html\"}}}}";
    private static final String UNDATED = "{\"type\":\"something-else\"}";

    @Test
    void keepsTheRequestsThatBeganWithTheChunkAndTheBodiesOnlyTheyUse() throws IOException {
        Path zip = zip(Map.of("trace.trace", "{\"type\":\"context-options\",\"wallTime\":1000}\n{\"type\":\"before\"}\n",
                "trace.network", EARLIER + "\n" + OWN + "\n" + UNDATED + "\n", "resources/old.html", "<p>first</p>",
                "resources/new.html", "<p>broken</p>"));

        TraceChunk.trim(zip);

        assertThat(read(zip, "trace.network")).doesNotContain("/first").contains("/broken").contains("something-else");
        assertThat(read(zip, "resources/old.html")).isNull();
        assertThat(read(zip, "resources/new.html")).isEqualTo("<p>broken</p>");
        assertThat(read(zip, "trace.trace")).contains("context-options");
    }

    @Test
    void aBodyTheChunksOwnEventsUseStays() throws IOException {
        Path zip = zip(Map.of("trace.trace", "{\"wallTime\":1000}\n{\"type\":\"frame-snapshot\",\"_sha1\":\"old.html\"}\n",
                "trace.network", EARLIER + "\n", "resources/old.html", "<p>first</p>"));

        TraceChunk.trim(zip);

        assertThat(read(zip, "trace.network")).isEmpty();
        assertThat(read(zip, "resources/old.html")).isEqualTo("<p>first</p>");
    }

    @Test
    void aTraceWithoutAStartTimeIsLeftAsItIs() throws IOException {
        Path zip = zip(Map.of("trace.trace", "not json\n", "trace.network", EARLIER + "\n"));

        TraceChunk.trim(zip);

        assertThat(read(zip, "trace.network")).contains("/first");
    }

    private Path zip(Map<String, String> entries) throws IOException {
        Path zip = dir.resolve("trace.zip");
        try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
            for (Map.Entry<String, String> e : new LinkedHashMap<>(entries).entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    private static String read(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.getEntry(name);
            return e == null ? null : new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
