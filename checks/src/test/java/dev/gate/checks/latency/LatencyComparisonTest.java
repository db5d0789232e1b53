package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One endpoint's decision: the rule, the line a person reads, the metrics other tools read. */
class LatencyComparisonTest {
    private static final LatencySpec SPEC = new LatencySpec(List.of("list"), 30, 3, 0.10, 0.99, 30, Map.of());

    private static LatencyStats stats(double p, double ratio, double low, double high, double before, double after) {
        return new LatencyStats("list", "GET /api/list", List.of(before), List.of(after),
                new MannWhitneyU.Result(800, p, true), new RatioEstimate(ratio, low, high, 0.99, false),
                before, before * 1.2, after, after * 1.2);
    }

    private static EndpointVerdict judge(LatencyStats s) {
        return LatencyRule.judge(s, s.test().pValue(), 0.01, 0.10);
    }

    @Test
    void aSignificantSlowdownOfAtLeastTheMinimumEffectBlocksWithTheLineAPersonReads() {
        EndpointVerdict v = judge(stats(2e-9, 1.48, 1.31, 1.66, 30.1, 44.6));

        assertThat(v.status()).isEqualTo(Status.FAIL);
        assertThat(v.summary()).isEqualTo("GET /api/list is 1.48× slower (99% CI 1.31–1.66×, p=2e-9): median 30.1 → 44.6 ms");
    }

    @Test
    void aSignificantSlowdownUnderTheMinimumEffectWarns() {
        EndpointVerdict v = judge(stats(0.0031, 1.04, 1.01, 1.07, 30.1, 31.3));

        assertThat(v.status()).isEqualTo(Status.WARN);
        assertThat(v.summary()).isEqualTo("GET /api/list is 4% slower, under the 10% worth blocking for "
                + "(99% CI 1.01–1.07×, p=0.0031): median 30.1 → 31.3 ms");
    }

    @Test
    void anInconclusiveComparisonThatCannotRuleOutTheMinimumEffectWarns() {
        EndpointVerdict v = judge(stats(0.08, 1.06, 0.93, 1.25, 30.1, 31.0));

        assertThat(v.status()).isEqualTo(Status.WARN);
        assertThat(v.summary()).isEqualTo("GET /api/list cannot rule out up to +25%: more samples would tell "
                + "(99% CI 0.93–1.25×, p=0.08): median 30.1 → 31.0 ms");
    }

    @Test
    void aComparisonThatRulesOutTheMinimumEffectPasses() {
        EndpointVerdict v = judge(stats(0.41, 1.0, 0.95, 1.06, 30.1, 30.3));

        assertThat(v.status()).isEqualTo(Status.PASS);
        assertThat(v.summary()).isEqualTo("GET /api/list is not slower (99% CI 0.95–1.06×, p=0.41): median 30.1 → 30.3 ms");
    }

    @Test
    void aFasterReleasePassesAndSaysSo() {
        EndpointVerdict v = judge(stats(1.0, 0.8, 0.75, 0.86, 30.1, 24.0));

        assertThat(v.status()).isEqualTo(Status.PASS);
        assertThat(v.summary()).isEqualTo("GET /api/list is faster, 0.80× (99% CI 0.75–0.86×, p=1): median 30.1 → 24.0 ms");
    }

    @Test
    void aLargeEstimateWithoutSignificanceDoesNotBlock() {
        EndpointVerdict v = judge(stats(0.011, 1.30, 0.98, 1.70, 30.1, 39.0));

        assertThat(v.status()).isEqualTo(Status.WARN);
        assertThat(v.summary()).startsWith("GET /api/list cannot rule out up to +70%: more samples would tell");
    }

    @Test
    void theResultCarriesTheMetricsOtherToolsReadUnderTheirExactNames() {
        SplittableRandom random = new SplittableRandom(11);
        LatencySamples before = SimulatedDeploys.samples("list", SimulatedDeploys.lognormal(random, 30, 0.25, 1.0));
        LatencySamples after = SimulatedDeploys.samples("list", SimulatedDeploys.lognormal(random, 30, 0.25, 1.5));

        CheckResult result = LatencyComparison.compare(before, after, SPEC).toCheckResult();

        assertThat(result.id()).isEqualTo("list-latency");
        assertThat(result.kind()).isEqualTo("latency");
        assertThat(result.name()).isEqualTo("GET /api/list");
        assertThat(result.playbook()).isEqualTo("latency-regression");
        assertThat(result.metrics().keySet()).startsWith("baseline_ms", "current_ms", "p_value", "ratio", "ratio_low",
                "ratio_high", "baseline_p50", "baseline_p95", "current_p50", "current_p95");
        assertThat(result.metrics().get("baseline_ms")).isEqualTo(before.ms());
        assertThat(result.metrics().get("current_ms")).isEqualTo(after.ms());
        assertThat(result.metrics().get("baseline_p50")).isEqualTo(Quantiles.of(before.values(), 0.5));
        assertThat(result.metrics().get("current_p95")).isEqualTo(Quantiles.of(after.values(), 0.95));
        assertThat((double) result.metrics().get("ratio_low")).isLessThan((double) result.metrics().get("ratio"));
        assertThat((double) result.metrics().get("ratio_high")).isGreaterThan((double) result.metrics().get("ratio"));
    }

    @Test
    void equalReleasesPassWhenTheSamplesCanRuleOutTheMinimumEffect() {
        // σ 0.1 and 50 samples each rule out +10% almost every time; the odd one warns, none blocks.
        SplittableRandom random = new SplittableRandom(3);
        int passes = 0;
        int blocks = 0;
        for (int deploy = 0; deploy < 200; deploy++) {
            Status s = compare(random, 50, 0.1, 1.0).status();
            passes += s == Status.PASS ? 1 : 0;
            blocks += s == Status.FAIL ? 1 : 0;
        }
        assertThat(passes).isGreaterThanOrEqualTo(190);
        assertThat(blocks).isZero();
    }

    @Test
    void equalReleasesTooNoisyToRuleOutTheMinimumEffectWarnButDoNotBlock() {
        SplittableRandom random = new SplittableRandom(4);
        EndpointVerdict v = compare(random, 30, 0.25, 1.0);

        assertThat(v.status()).isEqualTo(Status.WARN);
        assertThat(v.summary()).matches("GET /api/list cannot rule out up to \\+\\d+%: more samples would tell .*");
    }

    @Test
    void fiftyPercentSlowerBlocks() {
        SplittableRandom random = new SplittableRandom(5);
        EndpointVerdict v = compare(random, 30, 0.25, 1.5);

        assertThat(v.status()).isEqualTo(Status.FAIL);
        assertThat(v.summary()).matches("GET /api/list is 1\\.\\d\\d× slower \\(99% CI 1\\.\\d\\d–1\\.\\d\\d×, p=\\de-\\d+\\): "
                + "median \\d+\\.\\d → \\d+\\.\\d ms");
    }

    @Test
    void fivePercentSlowerWithATenPercentMinimumEffectBlocksOnlyWhenTheSamplesOverstateItBadly() {
        // 30 samples at σ 0.25 estimate the ratio to about ±6.5% (one standard error): a +5% release
        // passes the U test at 1% only when it looks at least 16% slower, which happens to about 1 in 20
        // deploys. Measured with this seed: 26 of 500 (5.2%); the benchmark finds 5.5% over 2,000. No
        // rule can get this under 3% and still detect +20% at 90% of the theoretical limit here.
        int blocks = count(20261125, 500, 30, 0.25, 1.05, Status.FAIL);

        assertThat(blocks).isLessThan(35); // under 7%
    }

    @Test
    void fivePercentSlowerAlmostNeverBlocksWhenTheSamplesCanTellFivePercentFromTen() {
        // 50 samples at σ 0.1 estimate the ratio to about ±2%.
        int blocks = count(20261126, 500, 50, 0.1, 1.05, Status.FAIL);

        assertThat(blocks).isLessThan(15); // under 3%
    }

    private static int count(long seed, int deploys, int n, double sigma, double factor, Status status) {
        SplittableRandom random = new SplittableRandom(seed);
        int count = 0;
        for (int deploy = 0; deploy < deploys; deploy++) {
            count += compare(random, n, sigma, factor).status() == status ? 1 : 0;
        }
        return count;
    }

    @Test
    void samplesOfDifferentEndpointsAreNotCompared() {
        LatencySamples a = LatencySamples.of("home", "GET /", 10, 11);
        LatencySamples b = LatencySamples.of("list", "GET /api/list", 10, 11);

        assertThatThrownBy(() -> LatencyComparison.compare(a, b, SPEC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot compare the baseline of \"home\" with current samples of \"list\"");
    }

    @Test
    void aSampleOfZeroMillisecondsIsRefusedNamingTheEndpointAndTheSample() {
        assertThatThrownBy(() -> LatencySamples.of("list", "GET /api/list", 10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GET /api/list: sample 2 of 2 is 0.0 ms; latency samples must be positive and finite");
    }

    private static EndpointVerdict compare(SplittableRandom random, int n, double sigma, double factor) {
        LatencySamples before = SimulatedDeploys.samples("list", SimulatedDeploys.lognormal(random, n, sigma, 1.0));
        LatencySamples after = SimulatedDeploys.samples("list", SimulatedDeploys.lognormal(random, n, sigma, factor));
        return LatencyComparison.compare(before, after, SPEC);
    }

    static Duration ms(long ms) {
        return Duration.ofMillis(ms);
    }
}
