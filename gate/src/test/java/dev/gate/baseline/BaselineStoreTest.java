package dev.gate.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Redactor;
import dev.gate.run.EndpointSamples;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
    private static final String PASSWORD = "t0ps3cr3tPw";
    private static final String KEY = "Kx9+Qv/7Zr=Lm3Wp";
    private final Redactor redactor = Redactor.of(Set.of(PASSWORD, KEY));

    @TempDir
    Path dir;

    @Test
    void aTargetThatHoldsASecretIsWrittenMaskedAndStillReadAsTheSuitesOwn() throws Exception {
        URI target = URI.create("https://deploy:" + PASSWORD + "@shop.example.com");
        Baseline b = new Baseline(Baseline.SCHEMA, Instant.parse("2026-11-25T09:00:00Z"), target.toString(), Optional.empty(),
                Map.of("api", new EndpointSamples("api", "GET", target + "/api?key=" + java.net.URLEncoder.encode(KEY, java.nio.charset.StandardCharsets.UTF_8), List.of(10.0, 11.0, 12.0, 13.0, 14.0), List.of())),
                Map.of(), Optional.empty());
        Path file = dir.resolve("baseline.json");

        BaselineStore.write(file, b, redactor);
        Baseline read = BaselineStore.read(file, target, redactor);

        assertThat(Files.readString(file)).doesNotContain(PASSWORD, "Kx9").contains("/api?key=•••");
        assertThat(read.target()).isEqualTo("https://deploy:•••@shop.example.com");
        assertThat(read.before().latency()).singleElement()
                .satisfies(s -> assertThat(s.label()).isEqualTo("GET /api"));
    }
}
