package dev.gate.realstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gate.cli.Cli;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency gate on a real stack, through the command line with the default settings: an
 * unchanged release deployed the way a shop deploys (cold workers after a HUP, gzip from nginx) gets
 * through; a release with an N+1 query bug (one more query for every second product, about 1.5× slower) is
 * blocked on both endpoints. {@code bin/bench
 * RealStackLatencyBench} does this 30 times, with and without a CPU-burning neighbour.
 */
class RealStackLatencyIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void anUnchangedReleasePassesAndAnNPlusOneReleaseIsBlockedOnBothEndpoints() throws Exception {
        assumeTrue(ShopStack.installed(), "gunicorn and nginx are installed by bin/test");
        try (ShopStack shop = ShopStack.start(dir.resolve("shop"), commit(1))) {
            Path suite = RealShopSuite.write(dir, shop);
            Cli cli = new Cli(dir);

            assertThat(cli.run("baseline", "--suite", suite.toString()).exit()).isZero();
            shop.deploy(commit(2), 0);
            Cli.Result same = cli.run("verify", "--suite", suite.toString(), "--expect-commit", commit(2),
                    "--no-rollback", "--out", dir.resolve("same").toString());

            assertThat(same.exit()).as(same.all()).isZero();
            assertThat(latency(dir.resolve("same"))).hasSize(2).noneMatch(l -> l.startsWith("FAIL"));

            assertThat(cli.run("baseline", "--suite", suite.toString()).exit()).isZero();
            shop.deploy(commit(3), 0.5);
            Cli.Result slow = cli.run("verify", "--suite", suite.toString(), "--expect-commit", commit(3),
                    "--no-rollback", "--out", dir.resolve("slow").toString());

            assertThat(slow.exit()).as(slow.all()).isEqualTo(1);
            assertThat(latency(dir.resolve("slow"))).hasSize(2)
                    .allMatch(l -> l.matches("FAIL GET /(products/|api/products) is \\d\\.\\d\\d× slower .*"));
        }
    }

    /** "STATUS summary" of each latency result of a run. */
    private static List<String> latency(Path run) throws Exception {
        List<String> lines = new ArrayList<>();
        for (JsonNode check : JSON.readTree(run.resolve("result.json").toFile()).path("checks")) {
            if (check.path("kind").asText().equals("latency")) {
                lines.add(check.path("status").asText() + " " + check.path("summary").asText());
            }
        }
        return lines;
    }

    private static String commit(int n) {
        return String.format("%040x", 0xfeed00L + n);
    }
}
