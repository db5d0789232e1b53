package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One endpoint's decision: the rule, the line a person reads, the metrics other tools read. */
class LatencyComparisonTest {
    private static final LatencySpec SPEC = LatencySpecs.of(List.of("list"), 40, 40);

    private static LatencyStats stats(double p, double ratio, double low, double high, double before, double after) {
        return new LatencyStats("list", "GET /api/list", List.of(before), List.of(after), 10,
                new RoundTest(Math.log(ratio), 0.05, 14, p, 12, 4, 0.08), new RatioEstimate(ratio, low, high, 0.99),
                before, before * 1.2, after, after * 1.2);
    }

    private static EndpointVerdict judge(LatencyStats s) {
        return LatencyRule.judge(s, s.test().pValue(), 0.01, SPEC);
    }

    @Test
    void aSignificantSlowdownOfAtLeastTheMinimumEffectAndDeltaBlocksWithTheLineAPersonReads() {
        EndpointVerdict v = judge(stats(2e-9, 1.48, 1.31, 1.66, 30.1, 44.6));

        assertThat(v.finding()).isEqualTo(LatencyFinding.WORTH_BLOCKING);
        assertThat(v.status()).isEqualTo(Status.FAIL);
        assertThat(v.summary()).isEqualTo("GET /api/list is 1.48× slower (99% CI 1.31–1.66×, p=2e-9): median 30.1 → 44.6 ms");
    }

    @Test
    void aSlowdownOfFewerMillisecondsThanMinDeltaWarnsInsteadOfBlocking() {
        // +50% of 2.5 ms is 1.25 ms, under the default 2 ms
        EndpointVerdict v = judge(stats(1e-6, 1.5, 1.3, 1.7, 2.5, 3.8));

        assertThat(v.finding()).isEqualTo(LatencyFinding.UNDER_FLOOR);
        assertThat(v.status()).isEqualTo(Status.WARN);
        assertThat(v.summary()).startsWith("GET /api/list is 1.50× slower but only +1.3 ms, under the 2.0 ms worth blocking for");
    }

    @Test
    void aSubMillisecondEndpointTwiceAsSlowPassesSinceItIsUnderHalfTheFloor() {
        EndpointVerdict v = judge(stats(1e-7, 1.91, 1.5, 2.42, 0.1, 0.19));

        assertThat(v.finding()).isEqualTo(LatencyFinding.SLIGHTLY_SLOWER);
        assertThat(v.status()).isEqualTo(Status.PASS);
        assertThat(v.summary()).startsWith("GET /api/list is 1.91× slower but only +0.1 ms, under half of the 2.0 ms worth blocking for");
    }

    @Test
    void aSignificantSlowdownOfAtLeastHalfTheMinimumEffectWarns() {
        EndpointVerdict v = judge(stats(0.0031, 1.07, 1.03, 1.11, 30.1, 32.2));

        assertThat(v.status()).isEqualTo(Status.WARN);
        assertThat(v.summary()).isEqualTo("GET /api/list is 7% slower, under the 10% worth blocking for "
                + "(99% CI 1.03–1.11×, p=0.0031): median 30.1 → 32.2 ms");
    }

    @Test
    void aSignificantSlowdownUnderHalfTheMinimumEffectPasses() {
        EndpointVerdict v = judge(stats(0.0031, 1.03, 1.01, 1.05, 30.1, 31.0));

        assertThat(v.finding()).isEqualTo(LatencyFinding.SLIGHTLY_SLOWER);
        assertThat(v.status()).isEqualTo(Status.PASS);
        assertThat(v.summary()).startsWith("GET /api/list is 3% slower, under half of the 10% worth blocking for");
    }

    @Test
    void anInconclusiveComparisonIsItsOwnOutcomeThatPassesUnlessTheSuiteSaysOtherwise() {
        LatencyStats s = stats(0.08, 1.06, 0.93, 1.25, 30.1, 31.0);
        EndpointVerdict v = judge(s);

        assertThat(v.finding()).isEqualTo(LatencyFinding.INCONCLUSIVE);
        assertThat(v.status()).isEqualTo(Status.PASS);
        assertThat(v.summary()).isEqualTo("GET /api/list is inconclusive: cannot rule out up to +25% after 1 samples "
                + "(99% CI 0.93–1.25×, p=0.08): median 30.1 → 31.0 ms");
        assertThat(v.toCheckResult().metrics()).containsEntry("finding", "inconclusive");
        for (LatencySpec.Inconclusive policy : LatencySpec.Inconclusive.values()) {
            Status expected = switch (policy) {
                case PASS -> Status.PASS;
                case WARN -> Status.WARN;
                case BLOCK -> Status.FAIL;
            };
            assertThat(LatencyRule.judge(s, 0.08, 0.01, LatencySpecs.inconclusive(SPEC, policy)).status())
                    .isEqualTo(expected);
        }
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

        assertThat(v.finding()).isEqualTo(LatencyFinding.FASTER);
        assertThat(v.summary()).isEqualTo("GET /api/list is faster, 0.80× (99% CI 0.75–0.86×, p=1): median 30.1 → 24.0 ms");
    }

    @Test
    void aLargeEstimateWithoutSignificanceDoesNotBlock() {
        EndpointVerdict v = judge(stats(0.011, 1.30, 0.98, 1.70, 30.1, 39.0));

        assertThat(v.finding()).isEqualTo(LatencyFinding.INCONCLUSIVE);
        assertThat(v.status()).isEqualTo(Status.PASS);
    }

    @Test
    void theResultCarriesTheMetricsOtherToolsReadUnderTheirExactNames() {
        SplittableRandom random = new SplittableRandom(11);
        LatencySamples before = SimulatedDeploys.samples("list", SimulatedDeploys.lognormal(random, 120, 0.25, 1.0));
        LatencySamples after = SimulatedDeploys.samples("list", SimulatedDeploys.lognormal(random, 40, 0.25, 1.5));

        CheckResult result = LatencyComparison.compare(before, after, SPEC).toCheckResult();

        assertThat(result.id()).isEqualTo("list-latency");
        assertThat(result.kind()).isEqualTo("latency");
        assertThat(result.name()).isEqualTo("GET /api/list");
        assertThat(result.status()).isEqualTo(Status.FAIL);
        assertThat(result.playbook()).isEqualTo("latency-regression");
        assertThat(result.metrics().keySet()).startsWith("baseline_ms", "current_ms", "p_value", "ratio", "ratio_low",
                "ratio_high", "baseline_p50", "baseline_p95", "current_p50", "current_p95", "finding");
        assertThat(result.metrics().get("baseline_ms")).isEqualTo(before.ms());
        assertThat(result.metrics().get("current_ms")).isEqualTo(after.ms());
        assertThat(result.metrics().get("baseline_p50")).isEqualTo(Quantiles.of(before.values(), 0.5));
        assertThat(result.metrics().get("current_p95")).isEqualTo(Quantiles.of(after.values(), 0.95));
        assertThat(result.metrics()).containsEntry("baseline_rounds", 12).containsEntry("current_rounds", 4)
                .containsEntry("finding", "worth_blocking");
        assertThat((double) result.metrics().get("ratio_low")).isLessThan((double) result.metrics().get("ratio"));
        assertThat((double) result.metrics().get("ratio_high")).isGreaterThan((double) result.metrics().get("ratio"));
        assertThat(result.details().get(0)).startsWith("t-test across rounds of 10 samples: 12 baseline and 4 current rounds");
    }

    @Test
    void equalReleasesNeverBlockAndMostlyPassOnSteadyServers() {
        SplittableRandom random = new SplittableRandom(3);
        int passes = 0;
        int blocks = 0;
        for (int deploy = 0; deploy < 200; deploy++) {
            Status s = compare(random, 0.1, 1.0).status();
            passes += s == Status.PASS ? 1 : 0;
            blocks += s == Status.FAIL ? 1 : 0;
        }
        assertThat(passes).isGreaterThanOrEqualTo(195);
        assertThat(blocks).isZero();
    }

    @Test
    void fiftyPercentSlowerBlocks() {
        EndpointVerdict v = compare(new SplittableRandom(5), 0.25, 1.5);

        assertThat(v.status()).isEqualTo(Status.FAIL);
        assertThat(v.summary()).matches("GET /api/list is 1\\.\\d\\d× slower \\(99% CI 1\\.\\d\\d–1\\.\\d\\d×, p=\\de-\\d+\\): "
                + "median \\d+\\.\\d → \\d+\\.\\d ms");
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

    private static EndpointVerdict compare(SplittableRandom random, double sigma, double factor) {
        LatencySamples before = SimulatedDeploys.samples("list", SimulatedDeploys.lognormal(random, 120, sigma, 1.0));
        LatencySamples after = SimulatedDeploys.samples("list", SimulatedDeploys.lognormal(random, 40, sigma, factor));
        return LatencyComparison.compare(before, after, SPEC);
    }
}
