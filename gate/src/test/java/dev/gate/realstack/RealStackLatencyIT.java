package dev.gate.realstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gate.cli.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency gate on a real stack, through the command line, with the default latency settings:
 * an unchanged release deployed the way a shop deploys (cold workers after a HUP, gzip from nginx)
 * gets through; a release with an N+1 query bug (two more queries a product; 0.8 are 1.5× slower) is
 * blocked on latency, each endpoint slower or inconclusive, never let through as not slower.
 *
 * <p>Between one session and the next this stack's two endpoints move together by up to 1.5× with
 * no deploy at all (each HUP draws a generation of workers with its own speed), a drift that rounds
 * within one session cannot see. The deploy history is what measures it, so the test first deploys
 * the unchanged code {@value #EARLIER} times, as a team's earlier deploys would have, with
 * {@code min_effect: 60%} so that those deploys pass on their rounds alone and fill the history;
 * then the defaults decide with the history's drift and the earlier sessions pooled.
 * {@code bin/bench RealStackLatencyBench} measures the defaults on it, 40 deploys.
 */
class RealStackLatencyIT {
    /** Earlier deploys in the history: the drift needs 5, and its degrees of freedom grow with more. */
    private static final int EARLIER = 10;

    @TempDir
    Path dir;

    @Test
    void withTheHistoryTheDefaultsPassAnUnchangedReleaseAndBlockAnNPlusOneReleaseOnBothEndpoints() throws Exception {
        assumeTrue(ShopStack.installed(), "gunicorn and nginx are installed by bin/test");
        try (ShopStack shop = ShopStack.start(dir.resolve("shop"), RealShopSuite.commit(1))) {
            Cli cli = new Cli(dir);
            int n = 2;
            Path seeding = RealShopSuite.write(dir, shop, "min_effect: 60%");
            int passed = 0;
            for (int i = 0; i < EARLIER; i++) {
                assertThat(cli.run("baseline", "--suite", seeding.toString()).exit()).isZero();
                shop.deploy(RealShopSuite.commit(n), 0);
                passed += cli.run("verify", "--suite", seeding.toString(), "--expect-commit", RealShopSuite.commit(n++),
                        "--no-rollback", "--out", dir.resolve("earlier-" + i).toString()).exit() == 0 ? 1 : 0;
            }
            assertThat(passed).as("earlier deploys that passed into the history").isGreaterThanOrEqualTo(EARLIER - 2);

            Path suite = RealShopSuite.write(dir, shop);
            assertThat(cli.run("baseline", "--suite", suite.toString()).exit()).isZero();
            shop.deploy(RealShopSuite.commit(n), 0);
            Cli.Result same = cli.run("verify", "--suite", suite.toString(), "--expect-commit", RealShopSuite.commit(n++),
                    "--no-rollback", "--out", dir.resolve("same").toString());

            assertThat(same.exit()).as(same.all()).isZero();
            assertThat(RealShopSuite.latencyLines(dir.resolve("same"))).hasSize(2).noneMatch(l -> l.startsWith("FAIL"));
            // the history's drift was in the decision, not the rounds alone
            assertThat(Files.readString(dir.resolve("same").resolve("result.json"))).contains("\"session_drift\"");

            assertThat(cli.run("baseline", "--suite", suite.toString()).exit()).isZero();
            shop.deploy(RealShopSuite.commit(n), 2);
            Cli.Result slow = cli.run("verify", "--suite", suite.toString(), "--expect-commit", RealShopSuite.commit(n),
                    "--no-rollback", "--out", dir.resolve("slow").toString());

            assertThat(slow.exit()).as(slow.all()).isEqualTo(1);
            // the release is blocked on latency; on a busy CI machine one endpoint's rounds can spread so wide
            // (a CI run: /api/products 7.8 -> 18.5 ms, 99% CI 0.73-6.29x) that it stays inconclusive, never "faster"
            assertThat(RealShopSuite.latencyLines(dir.resolve("slow"))).hasSize(2)
                    .anyMatch(l -> l.matches("FAIL GET /(products/|api/products) is \\d\\.\\d\\d× slower .*"))
                    .allMatch(l -> l.startsWith("FAIL") || l.contains("inconclusive"));
        }
    }
}
