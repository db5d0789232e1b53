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

/** A run's latency decisions: Holm across endpoints, missing samples, budgets, looks, confirmation. */
class LatencyDecisionTest {
    private static LatencySamples of(String id, double[] ms) {
        return SimulatedDeploys.samples(id, ms);
    }

    private static double[] lognormal(SplittableRandom random, int n, double sigma, double factor) {
        return SimulatedDeploys.lognormal(random, n, sigma, factor);
    }

    @Test
    void holmsCorrectionMultipliesTheSmallestPValueByTheNumberOfEndpoints() {
        SplittableRandom random = new SplittableRandom(2);
        double[] base = lognormal(random, 120, 0.25, 1);
        double[] slower = lognormal(random, 40, 0.25, 1.12);
        List<CheckResult> alone = LatencyDecision.decide(List.of(of("list", base)), List.of(of("list", slower)),
                LatencySpecs.of(List.of("list"), 40, 40));
        List<CheckResult> three = LatencyDecision.decide(
                List.of(of("list", base), of("home", lognormal(random, 120, 0.25, 1)),
                        of("cart", lognormal(random, 120, 0.25, 1))),
                List.of(of("list", slower), of("home", lognormal(random, 40, 0.25, 1)),
                        of("cart", lognormal(random, 40, 0.25, 1))),
                LatencySpecs.of(List.of("list", "home", "cart"), 40, 40));

        double p = (double) alone.get(0).metrics().get("p_value");
        CheckResult list = three.get(0);
        assertThat((double) list.metrics().get("p_value_unadjusted")).isCloseTo(p, within(1e-15));
        assertThat((double) list.metrics().get("p_value")).isCloseTo(Math.min(1, 3 * p), within(1e-12));
        assertThat(list.details()).anyMatch(d -> d.startsWith("Holm's correction for 3 endpoints: p = "));
    }

    @Test
    void resultsFollowTheSuitesOrderWithBudgetsLast() {
        SplittableRandom random = new SplittableRandom(1);
        LatencySpec spec = LatencySpecs.of(List.of("home", "list"), 40, 40, 0,
                Map.of("list", Map.of("p95", Duration.ofMillis(20))));
        List<LatencySamples> before = List.of(of("list", lognormal(random, 120, 0.1, 1)),
                of("home", lognormal(random, 120, 0.1, 1)));
        List<LatencySamples> after = List.of(of("list", lognormal(random, 40, 0.1, 1.5)),
                of("home", lognormal(random, 40, 0.1, 1)));

        List<CheckResult> results = LatencyDecision.decide(before, after, spec);

        assertThat(results).extracting(CheckResult::id).containsExactly("home-latency", "list-latency", "list-budget");
        assertThat(results).extracting(CheckResult::status).containsExactly(Status.PASS, Status.FAIL, Status.FAIL);
        assertThat(results).extracting(CheckResult::playbook)
                .containsExactly("", "latency-regression", "latency-budget");
        assertThat(results.get(2).summary()).matches("GET /api/list: p95 is \\d\\d\\.\\d ms, over the 20 ms budget");
    }

    @Test
    void anEndpointAddedAfterTheBaselineWasTakenWarns() {
        List<CheckResult> results = LatencyDecision.decide(List.of(), List.of(of("new", new double[] {10, 11, 12})),
                LatencySpecs.of(List.of("new"), 10, 10));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.WARN);
            assertThat(r.id()).isEqualTo("new-latency");
            assertThat(r.summary()).isEqualTo("GET /api/new: no baseline samples to compare with; "
                    + "the next baseline will have them");
        });
    }

    @Test
    void tooFewSamplesToMeasureDriftAreAnErrorOfThatEndpointAlone() {
        List<CheckResult> results = LatencyDecision.decide(
                List.of(of("list", new double[] {10}), of("home", new double[] {10, 11, 12, 13, 14, 15, 16, 17, 18, 19})),
                List.of(of("list", new double[] {11}), of("home", new double[] {10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                        10, 11, 12, 13, 14, 15, 16, 17, 18, 19})),
                LatencySpecs.of(List.of("list", "home"), 10, 10));

        assertThat(results).extracting(CheckResult::status).containsExactly(Status.ERROR, Status.PASS);
        assertThat(results.get(0).summary()).isEqualTo("GET /api/list: 1 baseline and 1 current samples are too few to "
                + "compare: drift is measured between at least three rounds");
    }

    @Test
    void anEndpointThatCouldNotBeMeasuredNowIsAnError() {
        List<CheckResult> results = LatencyDecision.decide(List.of(of("list", new double[] {10, 11, 12})), List.of(),
                LatencySpecs.of(List.of("list"), 10, 10));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Status.ERROR);
            assertThat(r.summary()).isEqualTo("GET /api/list: no current latency samples to compare with the baseline");
        });
    }

    /**
     * A sampler of lognormal latency per endpoint that records what it was asked for; after
     * {@code changeAfter} samples of an endpoint its factor becomes {@code laterFactor}.
     */
    private static final class Simulated implements CurrentSampler {
        private final SplittableRandom random = new SplittableRandom(42);
        private final Map<String, double[]> sigmaAndFactor;
        private final List<String> calls = new ArrayList<>();
        private final int changeAfter;
        private final double laterFactor;
        private final Map<String, Integer> taken = new java.util.HashMap<>();

        Simulated(Map<String, double[]> sigmaAndFactor) {
            this(sigmaAndFactor, Integer.MAX_VALUE, 1);
        }

        Simulated(Map<String, double[]> sigmaAndFactor, int changeAfter, double laterFactor) {
            this.sigmaAndFactor = sigmaAndFactor;
            this.changeAfter = changeAfter;
            this.laterFactor = laterFactor;
        }

        @Override
        public List<LatencySamples> sample(List<String> endpointIds, int count) {
            calls.add(endpointIds + " x " + count);
            List<LatencySamples> out = new ArrayList<>();
            for (String id : endpointIds) {
                double[] p = sigmaAndFactor.get(id);
                int before = taken.merge(id, count, Integer::sum) - count;
                out.add(of(id, lognormal(random, count, p[0], before >= changeAfter ? laterFactor : p[1])));
            }
            return out;
        }

        @Override
        public Map<String, ColdStart> coldStarts() {
            return Map.of("slow", new ColdStart(20, 2.3), "same", new ColdStart(10, 1.1));
        }
    }

    @Test
    void laterLooksSampleOnlyTheEndpointsStillOpenAndABlockIsConfirmedWithFreshSamples() throws Exception {
        SplittableRandom random = new SplittableRandom(8);
        List<LatencySamples> baselines = List.of(
                of("slow", lognormal(random, 120, 0.05, 1)),
                of("same", lognormal(random, 120, 0.05, 1)),
                of("unsure", lognormal(random, 120, 0.4, 1)));
        Simulated sampler = new Simulated(Map.of(
                "slow", new double[] {0.05, 1.5},
                "same", new double[] {0.05, 1.0},
                "unsure", new double[] {0.4, 1.08},
                "home", new double[] {0.05, 1.0}));
        LatencySpec spec = LatencySpecs.of(List.of("slow", "same", "unsure"), 40, 120, 30,
                Map.of("home", Map.of("p50", Duration.ofMillis(100))));

        List<CheckResult> results = LatencyDecision.run(spec, baselines, sampler);

        assertThat(sampler.calls).containsExactly("[slow, same, unsure, home] x 40", "[unsure] x 40", "[unsure] x 40",
                "[slow] x 30");
        assertThat(results).extracting(CheckResult::id)
                .containsExactly("slow-latency", "same-latency", "unsure-latency", "home-budget");
        CheckResult slow = results.get(0);
        assertThat(slow.status()).isEqualTo(Status.FAIL);
        assertThat((List<?>) slow.metrics().get("current_ms")).hasSize(40);
        assertThat((List<?>) slow.metrics().get("confirm_ms")).hasSize(30);
        assertThat(slow.details()).anyMatch(d -> d.startsWith("sequential look 1 of 3 at 40 current samples"))
                .anyMatch(d -> d.matches("confirmed: 1\\.\\d\\d× in 30 fresh samples"));
        assertThat(slow.summary()).endsWith("; cold start: the first 5 requests were 2.30× slower than once warm (20 thrown away)");
        assertThat(results.get(1).status()).isEqualTo(Status.PASS);
        assertThat(results.get(1).summary()).doesNotContain("cold start");
        assertThat(results.get(1).metrics()).containsEntry("warmup_thrown_away", 10);
        assertThat((List<?>) results.get(2).metrics().get("current_ms")).hasSize(120);
        assertThat(results.get(2).metrics().get("finding")).isEqualTo("inconclusive");
        assertThat(results.get(3).status()).isEqualTo(Status.PASS);
    }

    /**
     * A whole session 25% slower, every round of it: the rounds agree with each other, so by
     * themselves they call it a slowdown. Earlier deploys moved by about 16% between sessions, so
     * against that it is not one; twice as slow still is.
     */
    @Test
    void aSessionSlowerByWhatEarlierDeploysDriftedIsNotBlockedAndTwiceAsSlowStillIs() throws Exception {
        SplittableRandom random = new SplittableRandom(21);
        List<LatencySamples> baselines = List.of(of("list", lognormal(random, 120, 0.05, 1)));
        LatencySpec spec = LatencySpecs.of(List.of("list"), 40, 120, 30, Map.of());
        Map<String, SessionDrift> drifted = Map.of("list", new SessionDrift(0.15, 20));

        CheckResult roundsAlone = LatencyDecision.run(spec, baselines, new Simulated(Map.of("list", new double[] {0.05, 1.25})))
                .get(0);
        CheckResult withDrift = LatencyDecision.run(spec, baselines, new Simulated(Map.of("list", new double[] {0.05, 1.25})),
                drifted).get(0);
        CheckResult twice = LatencyDecision.run(spec, baselines, new Simulated(Map.of("list", new double[] {0.05, 2.0})),
                drifted).get(0);

        assertThat(roundsAlone.status()).as(roundsAlone.summary()).isEqualTo(Status.FAIL);
        assertThat(roundsAlone.metrics()).doesNotContainKey(LatencyMetrics.SESSION_DRIFT);
        assertThat(withDrift.status()).as(withDrift.summary()).isEqualTo(Status.PASS);
        assertThat(withDrift.metrics()).containsEntry("finding", "inconclusive");
        assertThat(withDrift.details()).contains("between sessions this endpoint's median moves by 16% beyond sampling noise "
                + "(robust spread over its last 20 deploys), which rounds within one session cannot see: it is added to the "
                + "comparison's uncertainty");
        assertThat((Double) withDrift.metrics().get(LatencyMetrics.SESSION_DRIFT)).isCloseTo(0.162, org.assertj.core.data.Offset.offset(0.001));
        assertThat(twice.status()).as(twice.summary()).isEqualTo(Status.FAIL);
        assertThat(twice.summary()).matches("GET /api/list is (1\\.9\\d|2\\.\\d\\d)× slower .*");
    }

    /** Eight earlier sessions at the baseline's level (its median, 30 ms), a few percent either side. */
    private static List<SessionLevel> levelSessions(double factor) {
        List<SessionLevel> out = new ArrayList<>();
        // the last is the newest, the baseline's own release and session: tested, not pooled
        for (double off : new double[] {0.03, -0.02, 0.01, -0.03, 0.02, 0, -0.01, 0.01, 0}) {
            out.add(new SessionLevel(Math.log(SimulatedDeploys.MEDIAN_MS * factor) + off, 0.0005));
        }
        return out;
    }

    /**
     * With a drift of 16% between sessions, one baseline session cannot tell a 1.5× release from a
     * verify that happened to run slow; the baseline pooled with eight earlier sessions at its
     * level can. Earlier sessions at another speed (a release since made it 1.5× faster) are not
     * pooled, and the comparison is the baseline's alone.
     */
    @Test
    void aBaselinePooledWithEarlierSessionsLevelWithItBlocksWhatOneSessionCouldNotTell() throws Exception {
        SplittableRandom random = new SplittableRandom(23);
        List<LatencySamples> baselines = List.of(of("list", lognormal(random, 120, 0.05, 1)));
        LatencySpec spec = LatencySpecs.of(List.of("list"), 40, 120, 30, Map.of());

        CheckResult alone = LatencyDecision.run(spec, baselines, new Simulated(Map.of("list", new double[] {0.05, 1.5})),
                Map.of("list", new SessionDrift(0.16, 20))).get(0);
        CheckResult pooled = LatencyDecision.run(spec, baselines, new Simulated(Map.of("list", new double[] {0.05, 1.5})),
                Map.of("list", new SessionDrift(0.16, 20, levelSessions(1)))).get(0);
        CheckResult steppedHistory = LatencyDecision.run(spec, baselines,
                new Simulated(Map.of("list", new double[] {0.05, 1.5})),
                Map.of("list", new SessionDrift(0.16, 20, levelSessions(1.5)))).get(0);

        assertThat(alone.status()).as(alone.summary()).isEqualTo(Status.PASS);
        assertThat(alone.metrics()).containsEntry("finding", "inconclusive").doesNotContainKey(LatencyMetrics.POOLED_SESSIONS);
        assertThat(pooled.status()).as(pooled.summary()).isEqualTo(Status.FAIL);
        assertThat(pooled.summary()).matches("GET /api/list is 1\\.\\d\\d× slower .*");
        assertThat(pooled.metrics()).containsEntry(LatencyMetrics.POOLED_SESSIONS, 9);
        assertThat(pooled.details()).anyMatch(d -> d.startsWith("the baseline is pooled with the 8 earlier session(s) level with it"));
        assertThat(steppedHistory.summary()).isEqualTo(alone.summary());
        assertThat(steppedHistory.metrics()).doesNotContainKey(LatencyMetrics.POOLED_SESSIONS);
    }

    @Test
    void aHistoryWithoutDriftBetweenSessionsChangesNothing() throws Exception {
        SplittableRandom random = new SplittableRandom(22);
        List<LatencySamples> baselines = List.of(of("list", lognormal(random, 120, 0.3, 1)));
        List<LatencySamples> currents = List.of(of("list", lognormal(random, 120, 0.3, 1.1)));
        LatencySpec spec = LatencySpecs.of(List.of("list"), 120, 120);

        CheckResult alone = LatencyDecision.decide(baselines, currents, spec).get(0);
        CheckResult tiny = LatencyDecision.decide(baselines, currents, spec, Map.of("list", new SessionDrift(0, 20))).get(0);

        assertThat(tiny.summary()).isEqualTo(alone.summary());
        assertThat(tiny.details()).isEqualTo(alone.details());
    }

    @Test
    void aSlowdownTheFreshSamplesDoNotShowWarnsThatTheRoundsDisagreeInsteadOfBlocking() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        List<LatencySamples> baselines = List.of(of("list", lognormal(random, 120, 0.05, 1)));
        // a burst: the first 40 samples are 40% slower, the fresh ones are back to normal
        Simulated sampler = new Simulated(Map.of("list", new double[] {0.05, 1.4}), 40, 1.0);

        CheckResult r = LatencyDecision.run(LatencySpecs.of(List.of("list"), 40, 120, 30, Map.of()), baselines, sampler)
                .get(0);

        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.metrics()).containsEntry("finding", "unconfirmed");
        assertThat(r.summary()).matches("GET /api/list: the rounds disagree: 1\\.\\d\\d× slower in the first 40 samples, "
                + "(0\\.9\\d|1\\.0\\d)× in 30 fresh samples; not blocking on latency alone \\(99% CI .*");
        assertThat(r.playbook()).isEqualTo("latency-regression");
    }

    @Test
    void withoutRoomForMoreSamplesRunSamplesOnceAndCorrectsLikeDecide() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        List<LatencySamples> baselines = List.of(of("a", lognormal(random, 40, 0.25, 1)),
                of("b", lognormal(random, 40, 0.25, 1)));
        Simulated sampler = new Simulated(Map.of("a", new double[] {0.25, 1.0}, "b", new double[] {0.25, 1.0}));

        List<CheckResult> results = LatencyDecision.run(LatencySpecs.of(List.of("a", "b"), 40, 40), baselines, sampler);

        assertThat(sampler.calls).containsExactly("[a, b] x 40");
        assertThat(results.get(0).details()).anyMatch(d -> d.startsWith("Holm's correction for 2 endpoints"));
    }
}
