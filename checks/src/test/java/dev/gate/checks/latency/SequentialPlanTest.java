package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The sequential plan: its looks, its levels, and the promises it makes, on seeded simulations. */
class SequentialPlanTest {
    private static LatencySpec spec(int samples, int max) {
        return LatencySpecs.of(List.of("x"), samples, max);
    }

    private static final SequentialPlan PLAN = SequentialPlan.of(spec(30, 120), 1);

    @Test
    void looksAreRoundsEvenlySpacedFromSamplesToMaxSamples() {
        assertThat(PLAN.sizes()).containsExactly(30, 60, 90, 120);
        assertThat(SequentialPlan.of(spec(30, 100), 1).sizes()).containsExactly(30, 53, 77, 100);
        assertThat(SequentialPlan.of(spec(30, 30), 1).sizes()).containsExactly(30);
        assertThat(SequentialPlan.of(spec(5, 1000), 1).sizes()).hasSize(8).startsWith(5).endsWith(1000);
    }

    @Test
    void theFalseBlockRateIsSharedAmongTheEndpoints() {
        assertThat(SequentialPlan.of(spec(30, 120), 4).alpha()).isCloseTo(0.0025, within(1e-15));
        assertThat(SequentialPlan.of(spec(30, 30), 1).level(0, 30)).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void eachLookGetsLessThanAlphaButMoreThanBonferroni() {
        for (int look = 0; look < PLAN.looks(); look++) {
            assertThat(PLAN.level(look, 120)).isBetween(0.01 / 4, 0.01);
        }
    }

    @Test
    void unchangedReleasesAreBlockedAtMostOnePercentOfTheTimeOverAllLooks() {
        // σ 0.5: nearly every deploy is inconclusive and runs through all four looks, the hardest case;
        // looking four times at 1% each would block about 2.5%. Here 1,000 deploys: 1% plus two
        // standard errors of the simulation is 16.
        Outcomes o = simulate(20261125, 1000, 120, 0.5, 1.0);

        assertThat(o.blocks).isLessThanOrEqualTo(16);
        assertThat(o.medianSamples).isEqualTo(120);
    }

    @Test
    void twentyPercentSlowerAtSigmaQuarterIsCaughtWithAMedianOfFortySamplesGivenAFullBaseline() {
        Outcomes o = simulate(20261126, 500, 120, 0.25, 1.2);

        assertThat(o.blocks).isGreaterThanOrEqualTo(475); // 95%
        assertThat(o.medianSamples).isLessThanOrEqualTo(40);
    }

    @Test
    void aClearlyUnchangedReleaseStopsAtTheFirstLook() {
        SplittableRandom random = new SplittableRandom(3);
        LookDecision d = PLAN.decide(0, SimulatedDeploys.samples("x", SimulatedDeploys.lognormal(random, 120, 0.05, 1)),
                SimulatedDeploys.samples("x", SimulatedDeploys.lognormal(random, 30, 0.05, 1)));

        assertThat(d.next()).isEqualTo(LookDecision.Next.DECIDED);
        assertThat(d.verdict().finding()).isEqualTo(LatencyFinding.NOT_SLOWER);
        assertThat(d.verdict().details()).contains("sequential look 1 of 4 at 30 current samples: "
                + "p had to be below " + LatencyLine.pValue(PLAN.level(0, 120)) + " (0.01 spread over the looks)");
    }

    @Test
    void anInconclusiveEndpointAtTheLastLookGetsTheOrdinaryVerdict() {
        SplittableRandom random = new SplittableRandom(4);
        LatencySamples before = SimulatedDeploys.samples("x", SimulatedDeploys.lognormal(random, 30, 0.5, 1));
        LatencySamples after = SimulatedDeploys.samples("x", SimulatedDeploys.lognormal(random, 120, 0.5, 1));

        assertThat(PLAN.decide(2, before, after).next()).isEqualTo(LookDecision.Next.CONTINUE);
        LookDecision last = PLAN.decide(3, before, after);
        assertThat(last.next()).isEqualTo(LookDecision.Next.DECIDED);
        assertThat(last.verdict().finding()).isEqualTo(LatencyFinding.INCONCLUSIVE);
        assertThat(last.verdict().summary()).contains("is inconclusive: cannot rule out up to");
    }

    @Test
    void aLookOutsideThePlanIsRefused() {
        LatencySamples s = LatencySamples.of("x", "GET /x", 1, 2);
        assertThatThrownBy(() -> PLAN.decide(4, s, s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("look 4 of a plan with 4 looks");
    }

    @Test
    void lookSizesMustGrow() {
        assertThatThrownBy(() -> new SequentialPlan(List.of(30, 30), 0.01, spec(30, 30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("look sizes must be positive and increasing, got [30, 30]");
    }

    private record Outcomes(int blocks, int medianSamples) {
    }

    private static Outcomes simulate(long seed, int deploys, int baseline, double sigma, double factor) {
        SplittableRandom random = new SplittableRandom(seed);
        int blocks = 0;
        int[] used = new int[deploys];
        for (int d = 0; d < deploys; d++) {
            LatencySamples before = SimulatedDeploys.samples("x", SimulatedDeploys.lognormal(random, baseline, sigma, 1));
            LatencySamples after = SimulatedDeploys.samples("x", SimulatedDeploys.lognormal(random, 30, sigma, factor));
            for (int look = 0; ; look++) {
                if (look > 0) {
                    after = after.plus(Arrays.stream(SimulatedDeploys.lognormal(random, 30, sigma, factor)).boxed().toList());
                }
                LookDecision decision = PLAN.decide(look, before, after);
                if (decision.done()) {
                    blocks += decision.next() == LookDecision.Next.BLOCK ? 1 : 0;
                    used[d] = after.size();
                    break;
                }
            }
        }
        Arrays.sort(used);
        return new Outcomes(blocks, used[deploys / 2]);
    }
}
