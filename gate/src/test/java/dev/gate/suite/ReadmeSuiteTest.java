package dev.gate.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suites the README shows are valid suites: the README stays true. */
class ReadmeSuiteTest {
    @TempDir
    Path dir;

    private static List<String> yamlBlocks() throws Exception {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(Path.of("../README.md"))) {
            if (current == null && line.equals("```yaml")) {
                current = new StringBuilder();
            } else if (current != null && line.equals("```")) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }

    @Test
    void everySuiteInTheReadmeLoads() throws Exception {
        List<String> suites = yamlBlocks().stream().filter(b -> b.contains("target:")).toList();
        assertThat(suites).hasSizeGreaterThanOrEqualTo(2);
        SuiteLoader loader = new SuiteLoader(Map.of("SHOP_TOKEN", "t0ken-value", "SESSION_COOKIE", "c00kie-value",
                "SHOP_PASSWORD", "passw0rd-value"));
        for (String yaml : suites) {
            Path file = dir.resolve("suite.yaml");
            Files.writeString(file, yaml);
            Suite suite = loader.load(file);
            assertThat(suite.target().toString()).isEqualTo("https://shop.example.com");
        }
        // the example of every key, wherever later sections put their own examples
        Suite full = loader.load(file(suites.stream().filter(b -> b.contains("freeze:")).findFirst().orElseThrow()));
        assertThat(full.apis()).hasSize(1);
        assertThat(full.apis().get(0).maxBody()).isEqualTo(32L * 1024 * 1024);
        assertThat(full.latency().budgets()).containsKey("health");
        assertThat(full.freeze().windows()).hasSize(1);
        assertThat(full.secrets()).contains("t0ken-value", "c00kie-value");
        assertThat(full.retries()).isEqualTo(Map.of("home", 1, "product", 0, "health", 2));
    }

    private Path file(String yaml) throws Exception {
        Path file = dir.resolve("full.yaml");
        Files.writeString(file, yaml);
        return file;
    }
}
