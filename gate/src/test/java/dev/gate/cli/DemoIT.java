package dev.gate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.suite.Suite;
import dev.gate.suite.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gate demo}: the whole cycle on the embedded shop, through the real command line. */
class DemoIT {
    @TempDir
    Path dir;

    @Test
    void theDemoRunsTheWholeCycleAndEveryDeployIsDecidedAsExpected() throws Exception {
        Cli.Result r = new Cli(dir).run("demo", "--out", "demo");

        assertThat(r.err()).isEmpty();
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("The shop is open at http://127.0.0.1:")
                .contains("Deploy v2 (")
                // the good release gets through: all 8 checks pass, or latency noise earns a warning
                .containsPattern("PASS  all 10 checks passed|WARN  1 warning, nothing blocks")
                .contains("logged in: 5 steps, at /account")
                .contains("Deploy v3 (")
                .contains("only partly live after 4s: /p/42: ")
                .contains("with X-Cache: HIT: an edge cache holds the old page; purge /p/42")
                .contains("instance web-2 still serves ")
                .contains("GET /static/checkout.")
                .contains("→ 404 (script, from /p/42)")
                .containsPattern("assets of ([0-9a-f]{7}|the previous release) are gone")
                // the checkout chunk no key page loads: only the build manifest names it
                .contains("Vite manifest: 3 assets, 1 of them lazy chunks")
                .containsPattern("3 of 3 assets of [0-9a-f]{7} are gone, 1 of them a lazy chunk \\(\\S*/assets/Checkout-[0-9a-f]{8}\\.js → 404\\)")
                .contains("Uncaught TypeError: Cannot read properties of undefined (reading 'items')")
                .contains("FAIL  product-list-latency")
                .containsPattern("GET /api/products is 1\\.\\d\\d× slower")
                .contains("GET /api/health → 503 (expected 200)")
                .contains("rolled the shop back to v2 and confirmed it; post-mortem stub: ")
                // the deploy history: earlier deploys seeded, creeping releases, the last caught; which deploy the
                // change points name (an earlier creeping one, or this one) depends on the machine's noise
                // around three +10% steps, so either is what the trip-wire should say
                .contains("gets its 12 earlier deploys of v1")
                .containsPattern("the trip-wire caught where the product list has gone: GET /api/products: median "
                        + "\\d+\\.\\d ms is \\d+\\.\\dσ above its last 1[45] deploys \\(\\d+\\.\\d ms\\); (it rose at ([0-9a-f]{7}|this deploy) \\(\\+|no single deploy stepped it up)");
        // the last deploy needs a real Prometheus: bin/test installs Debian's, a machine without it skips the deploy
        boolean prometheus = Files.isExecutable(Path.of("/usr/bin/prometheus"));
        if (prometheus) {
            assertThat(r.out()).containsPattern("Every probe passed, and the team's metrics blocked v9: 0% → [0-9.]+% "
                    + "after the deploy \\(\\d+ of \\d+ requests, p=[0-9.e-]+\\); worth blocking above \\+1%")
                    .contains("Demo complete: 11 deploys, each decided as expected.");
        } else {
            assertThat(r.out()).contains("Skipped the release only the team's metrics catch: no prometheus binary")
                    .contains("Demo complete: 10 deploys, each decided as expected.");
        }
        try (Stream<Path> runs = Files.walk(dir.resolve("demo"))) {
            assertThat(runs.filter(p -> p.getFileName().toString().equals("result.json")).count())
                    .isEqualTo(prometheus ? 11 : 10);
        }
    }

    @Test
    void theDemoSuiteItPrintsIsAValidSuite() throws Exception {
        Cli.Result r = new Cli(dir).run("demo", "--print-suite");

        assertThat(r.exit()).isZero();
        Path file = dir.resolve("demo-suite.yaml");
        Files.writeString(file, r.out());
        Suite suite = new SuiteLoader(Map.of("GATE_DEMO_PASSWORD", "any-password")).load(file);
        assertThat(suite.name()).isEqualTo("harbor-shop");
        assertThat(suite.pages()).extracting(p -> p.id()).containsExactly("home", "products", "product", "account");
        assertThat(suite.page("account").orElseThrow().auth()).isTrue();
        assertThat(suite.login()).isPresent();
    }
}
