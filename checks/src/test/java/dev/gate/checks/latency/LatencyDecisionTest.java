package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A run's latency decisions: Holm across endpoints, missing samples, budgets, sequential rounds. */
class LatencyDecisionTest {
    private static final double[] TEN_TO_NINETEEN = {10, 11, 12, 13, 14, 15, 16, 17, 18, 19};
    // U = 84 of 100 pairs: exact one-sided p = 0.004465 (SciPy's _MWU(10, 10).sf(84)).
    private static final double[] SLOWER = {13.5, 15.5, 16.5, 17.5, 18.5, 19.5, 20.5, 21.5, 22.5, 23.5};
    private static final double[] SAME = {10.5, 11.5, 12.5, 13.5, 14.5, 15.5, 16.5, 17.5, 18.5, 19.5};

    private static LatencySpec spec(List<String> endpoints, int samples, int max, Map<String, Map<String, Duration>> budgets) {
        return new LatencySpec(endpoints, samples, 0, 0.10, 0.99, max, budgets);
    }

    private static LatencySamples of(String id, double[] ms) {
        return SimulatedDeploys.samples(id, ms);
    }

    @Test
    void aSlowdownThatBlocksOnItsOwnOnlyWarnsAfterHolmsCorrectionForThreeEndpoints() {
        List<CheckResult> alone = LatencyDecision.decide(List.of(of("list", TEN_TO_NINETEEN)),
                List.of(of("list", SLOWER)), spec(List.of("list"), 10, 10, Map.of()));
        List<CheckResult> three = LatencyDecision.decide(
                List.of(of("list", TEN_TO_NINETEEN), of("home", TEN_TO_NINETEEN), of("cart", TEN_TO_NINETEEN)),
                List.of(of("list", SLOWER), of("home", SAME), of("cart", SAME)),
                spec(List.of("list", "home", "cart"), 10, 10, Map.of()));

        assertThat(alone.get(0).status()).isEqualTo(Status.FAIL);
        assertThat((double) alone.get(0).metrics().get("p_value")).isCloseTo(0.004465348892593475, within(1e-12));
        CheckResult list = three.get(0);
        assertThat(list.status()).isEqualTo(Status.WARN);
        assertThat((double) list.metrics().get("p_value")).isCloseTo(3 * 0.004465348892593475, within(1e-12));
        assertThat((double) list.metrics().get("p_value_unadjusted")).isCloseTo(0.004465348892593475, within(1e-12));
        assertThat(list.summary()).startsWith("GET /api/list cannot rule out up to +");
        assertThat(list.details()).contains("Holm's correction for 3 endpoints: p = 0.0045 became 0.013");
        assertThat(three).extracting(CheckResult::status).containsExactly(Status.WARN, Status.WARN, Status.WARN);
    }

    @Test
    void resultsFollowTheSuitesOrderWithBudgetsLast() {
        SplittableRandom random = new SplittableRandom(1);
        LatencySpec spec = spec(List.of("home", "list"), 30, 30, Map.of("list", Map.of("p95", Duration.ofMillis(20))));
        List<LatencySamples> before = List.of(of("list", SimulatedDeploys.lognormal(random, 30, 0.1, 1)),
                of("home", SimulatedDeploys.lognormal(random, 30, 0.1, 1)));
        List<LatencySamples> after = List.of(of("list", SimulatedDeploys.lognormal(random, 30, 0.1, 1.5)),
                of("home", SimulatedDeploys.lognormal(random, 30, 0.1, 1)));

        List<CheckResult> results = LatencyDecision.decide(before, after, spec);

        assertThat(results).extracting(CheckResult::id).containsExactly("home-latency", "list-latency", "list-budget");
        assertThat(results).extracting(CheckResult::status).containsExactly(Status.PASS, Status.FAIL, Status.FAIL);
        assertThat(results).extracting(CheckResult::playbook)
                .containsExactly("", "latency-regression", "latency-budget");
        assertThat(results.get(2).summary()).matches("GET /api/list: p95 is \\d\\d\\.\\d ms, over the 20 ms budget");
    }

    @Test
    void anEndpointAddedAfterTheBaselineWasTakenWarns() {
        List<CheckResult> results = LatencyDecision.decide(List.of(), List.of(of("new", SAME)),
                spec(List.of("new"), 10, 10, Map.of()));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.WARN);
            assertThat(r.id()).isEqualTo("new-latency");
            assertThat(r.summary()).isEqualTo("GET /api/new: no baseline samples to compare with; "
                    + "the next baseline will have them");
        });
    }

    @Test
    void anEndpointThatCouldNotBeMeasuredNowIsAnError() {
        List<CheckResult> results = LatencyDecision.decide(List.of(of("list", TEN_TO_NINETEEN)), List.of(),
                spec(List.of("list"), 10, 10, Map.of()));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.ERROR);
            assertThat(r.summary()).isEqualTo("GET /api/list: no current latency samples to compare with the baseline");
        });
    }

    /** A sampler of lognormal latency per endpoint that records what it was asked for. */
    private static final class Simulated implements CurrentSampler {
        private final SplittableRandom random = new SplittableRandom(42);
        private final Map<String, double[]> sigmaAndFactor;
        private final List<String> calls = new ArrayList<>();

        Simulated(Map<String, double[]> sigmaAndFactor) {
            this.sigmaAndFactor = sigmaAndFactor;
        }

        @Override
        public List<LatencySamples> sample(List<String> endpointIds, int count) {
            calls.add(endpointIds + " x " + count);
            List<LatencySamples> out = new ArrayList<>();
            for (String id : endpointIds) {
                double[] p = sigmaAndFactor.get(id);
                out.add(of(id, SimulatedDeploys.lognormal(random, count, p[0], p[1])));
            }
            return out;
        }
    }

    @Test
    void sequentialRoundsSampleOnlyTheEndpointsStillUndecided() throws Exception {
        SplittableRandom random = new SplittableRandom(8);
        List<LatencySamples> baselines = List.of(
                of("slow", SimulatedDeploys.lognormal(random, 120, 0.05, 1)),
                of("same", SimulatedDeploys.lognormal(random, 120, 0.05, 1)),
                of("unsure", SimulatedDeploys.lognormal(random, 120, 0.25, 1)));
        Simulated sampler = new Simulated(Map.of(
                "slow", new double[] {0.05, 1.5},
                "same", new double[] {0.05, 1.0},
                "unsure", new double[] {0.25, 1.08},
                "home", new double[] {0.05, 1.0}));
        LatencySpec spec = spec(List.of("slow", "same", "unsure"), 30, 120,
                Map.of("home", Map.of("p50", Duration.ofMillis(100))));

        List<CheckResult> results = LatencyDecision.run(spec, baselines, sampler);

        assertThat(sampler.calls.get(0)).isEqualTo("[slow, same, unsure, home] x 30");
        assertThat(sampler.calls.subList(1, sampler.calls.size())).isNotEmpty().allMatch(c -> c.equals("[unsure] x 30"));
        assertThat(results).extracting(CheckResult::id)
                .containsExactly("slow-latency", "same-latency", "unsure-latency", "home-budget");
        assertThat(results.get(0).status()).isEqualTo(Status.FAIL);
        assertThat((List<?>) results.get(0).metrics().get("current_ms")).hasSize(30);
        assertThat(results.get(1).status()).isEqualTo(Status.PASS);
        assertThat((List<?>) results.get(2).metrics().get("current_ms")).hasSize(30 * sampler.calls.size());
        assertThat(results.get(0).details()).anyMatch(d -> d.startsWith("sequential look 1 of 4 at 30 current samples"));
        assertThat(results.get(3).status()).isEqualTo(Status.PASS);
    }

    @Test
    void withoutRoomForMoreSamplesRunSamplesOnceAndCorrectsLikeDecide() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        List<LatencySamples> baselines = List.of(of("a", SimulatedDeploys.lognormal(random, 30, 0.25, 1)),
                of("b", SimulatedDeploys.lognormal(random, 30, 0.25, 1)));
        Simulated sampler = new Simulated(Map.of("a", new double[] {0.25, 1.3}, "b", new double[] {0.25, 1.0}));

        List<CheckResult> results = LatencyDecision.run(spec(List.of("a", "b"), 30, 30, Map.of()), baselines, sampler);

        assertThat(sampler.calls).containsExactly("[a, b] x 30");
        assertThat(results.get(0).details()).anyMatch(d -> d.startsWith("Holm's correction for 2 endpoints"));
    }
}
