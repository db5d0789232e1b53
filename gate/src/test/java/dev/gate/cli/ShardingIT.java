package dev.gate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.testing.TestSite;
import dev.gate.checks.testing.TestSite.Reply;
import dev.gate.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sharded verification: the shards merged give the verdict and the checks of one unsharded run. */
class ShardingIT {
    private static final String NEW = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";

    @TempDir
    Path dir;
    private TestSite site;
    private Cli cli;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.start();
        StringBuilder pages = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            int n = i;
            site.route("/p/" + i, r -> Reply.html("<html><head><title>p</title><meta name=\"commit\" content=\"" + NEW
                    + "\"></head><body><main id=\"main\">page " + n + (n == 5 ? "<script>console.error('cart exploded')</script>" : "")
                    + "</main></body></html>"));
            pages.append("  - { id: p").append(i).append(", path: /p/").append(i).append(" }\n");
        }
        Files.writeString(dir.resolve("suite.yaml"), "name: shop\ntarget: " + site.url() + "\n"
                + "commit: { converge: { consecutive: 1, timeout: 5s, interval: 1s } }\npages:\n" + pages);
        cli = new Cli(dir);
    }

    @AfterEach
    void stop() {
        site.close();
    }

    private JsonNode result(String folder) throws Exception {
        return Json.mapper().readTree(dir.resolve(folder).resolve("result.json").toFile());
    }

    private static Set<String> ids(JsonNode record) {
        Set<String> ids = new HashSet<>();
        record.path("checks").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    @Test
    void mergedShardsGiveTheVerdictAndChecksOfOneRun() throws Exception {
        Cli.Result whole = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "whole");
        Cli.Result one = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "s1", "--shard", "1/2");
        Cli.Result two = cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "s2", "--shard", "2/2");
        Cli.Result merged = cli.run("merge", "--suite", "suite.yaml", "--out", "merged", "s1/result.json", "s2/result.json");

        assertThat(whole.exit()).isEqualTo(1);
        assertThat(merged.exit()).as(merged.out() + merged.err()).isEqualTo(whole.exit());
        JsonNode w = result("whole");
        JsonNode s1 = result("s1");
        JsonNode s2 = result("s2");
        JsonNode m = result("merged");
        assertThat(m.path("verdict").asText()).isEqualTo(w.path("verdict").asText()).isEqualTo("BLOCK");
        assertThat(ids(m)).isEqualTo(ids(w)).hasSize(7);
        assertThat(ids(s1)).contains("commit").hasSizeLessThan(7);
        assertThat(ids(s2)).contains("commit").hasSizeLessThan(7);
        Set<String> union = new HashSet<>(ids(s1));
        union.addAll(ids(s2));
        assertThat(union).isEqualTo(ids(w));
        assertThat(s1.path("shard").asText()).isEqualTo("1/2");
        assertThat(m.path("reason").asText()).isEqualTo(w.path("reason").asText());
        assertThat(dir.resolve("merged/report.html")).exists();
        assertThat(dir.resolve("merged/junit.xml")).exists();
    }

    @Test
    void recordsOfDifferentCommitsDoNotMerge() throws Exception {
        cli.run("verify", "--suite", "suite.yaml", "--expect-commit", NEW, "--out", "a", "--shard", "1/2");
        String other = Files.readString(dir.resolve("a/result.json")).replace(NEW, "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d");
        Files.createDirectories(dir.resolve("b"));
        Files.writeString(dir.resolve("b/result.json"), other);

        Cli.Result r = cli.run("merge", "--suite", "suite.yaml", "a/result.json", "b/result.json");

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("gate: the records verify different commits: 9f8e7d6 and 1a2b3c4");
    }
}
