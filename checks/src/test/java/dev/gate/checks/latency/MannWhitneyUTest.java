package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.PValueMethod;
import org.junit.jupiter.api.Test;

/**
 * The one-sided U test against values worked out by hand (small samples, by counting the equally
 * likely interleavings) and against SciPy 1.17.1's {@code mannwhitneyu(current, baseline,
 * alternative='greater')}, an independent implementation.
 */
class MannWhitneyUTest {
    /** Commons Statistics' normal approximation, the same test as the gate's, with the same corrections. */
    private static final org.apache.commons.statistics.inference.MannWhitneyUTest APPROXIMATE =
            org.apache.commons.statistics.inference.MannWhitneyUTest.withDefaults()
                    .with(AlternativeHypothesis.GREATER_THAN).with(PValueMethod.ASYMPTOTIC);

    @Test
    void threeCurrentSamplesAllAboveThreeBaselineSamplesHaveExactPOfOneTwentieth() {
        // Of the C(6,3) = 20 equally likely interleavings only one puts all three current values on top.
        MannWhitneyU.Result r = MannWhitneyU.slower(new double[] {1, 2, 3}, new double[] {4, 5, 6});

        assertThat(r.u()).isEqualTo(9);
        assertThat(r.pValue()).isCloseTo(1.0 / 20, within(1e-15));
        assertThat(r.exact()).isTrue();
    }

    @Test
    void interleavedSamplesHaveExactPOfSevenTwentieths() {
        // U = 1 + 2 + 3 = 6; partitions of u into at most 3 parts of at most 3 give the counts
        // 1,1,2,3,3,3,3,2,1,1 for u = 0..9, so P(U >= 6) = (3 + 2 + 1 + 1) / 20.
        MannWhitneyU.Result r = MannWhitneyU.slower(new double[] {1, 3, 5}, new double[] {2, 4, 6});

        assertThat(r.u()).isEqualTo(6);
        assertThat(r.pValue()).isCloseTo(7.0 / 20, within(1e-15));
    }

    @Test
    void fiveAgainstFiveThreeTimesSlowerHasExactPOfOneNinth() {
        // U = 2 + 3 + 4 + 5 + 5 = 19; P(U >= 19) = P(U <= 6) = (1+1+2+3+5+7+9) / 252 = 28 / 252.
        MannWhitneyU.Result r = MannWhitneyU.slower(new double[] {1, 2, 4, 8, 16}, new double[] {3, 6, 12, 24, 48});

        assertThat(r.u()).isEqualTo(19);
        assertThat(r.pValue()).isCloseTo(1.0 / 9, within(1e-15));
    }

    @Test
    void aFasterReleaseHasAOneSidedPValueOfOneNotHalfATwoSidedOne() {
        MannWhitneyU.Result r = MannWhitneyU.slower(new double[] {4, 5, 6}, new double[] {1, 2, 3});

        assertThat(r.u()).isZero();
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void twelveAgainstFifteenWithoutTiesMatchesSciPysExactPValue() {
        double[] baseline = {31.28, 35.6, 28.55, 31.34, 25.99, 24.9, 49.61, 39.39, 35.72, 25.18, 37.57, 20.37};
        double[] current = {29.72, 41.88, 22.59, 54.72, 40.48, 28.29, 21.33, 37.29, 53.39, 41.73, 22.19, 28.66,
            38.12, 42.88, 42.38};

        MannWhitneyU.Result r = MannWhitneyU.slower(baseline, current);

        assertThat(r.exact()).isTrue();
        assertThat(r.u()).isEqualTo(115);
        assertThat(r.pValue()).isCloseTo(0.11812652655969387, within(1e-12));
    }

    @Test
    void tiedWholeMillisecondSamplesMatchSciPysTieAndContinuityCorrectedApproximation() {
        double[] baseline = {20, 28, 38, 37, 23, 30, 30, 31, 33, 26, 32, 28, 30, 28, 29, 30, 34, 33, 33, 35, 37, 24,
            23, 31, 32, 34, 35, 27, 24, 26, 35, 27, 29, 34, 22, 34, 36, 42, 26, 33};
        double[] current = {45, 46, 44, 45, 30, 32, 57, 43, 33, 29, 43, 27, 32, 37, 30, 32, 30, 35, 41, 36, 19, 41,
            47, 38, 33, 25, 30, 49, 29, 41, 35, 39, 29, 35, 27, 25, 29, 30, 23, 20, 43, 36, 27, 36, 33};

        MannWhitneyU.Result r = MannWhitneyU.slower(baseline, current);

        assertThat(r.exact()).isFalse();
        assertThat(r.u()).isEqualTo(1181);
        assertThat(r.pValue()).isCloseTo(0.0066855545389792916, within(1e-12));
    }

    @Test
    void everySampleEqualIsNoEvidenceOfASlowdown() {
        MannWhitneyU.Result r = MannWhitneyU.slower(new double[] {30, 30, 30}, new double[] {30, 30});

        assertThat(r.u()).isEqualTo(3);
        assertThat(r.pValue()).isEqualTo(1.0);
    }

    @Test
    void theExactDistributionIsSymmetricAndSumsToOne() {
        UDistribution u = UDistribution.of(7, 11);

        assertThat(u.atLeast(0)).isEqualTo(1.0);
        assertThat(u.atMost(77)).isCloseTo(1.0, within(1e-12));
        for (int k = 0; k <= 77; k++) {
            assertThat(u.atMost(k)).isCloseTo(u.atLeast(77 - k), within(1e-12));
        }
        assertThat(UDistribution.of(11, 7).atLeast(60)).isEqualTo(u.atLeast(60));
    }

    @Test
    void theLargestExactTableMatchesSciPyAndTheNormalApproximationTakesOverWithinThreePercent() {
        UDistribution exact = UDistribution.of(100, 100);

        assertThat(exact.atLeast(6050)).isCloseTo(0.005065014969034703, within(1e-13)); // SciPy's _MWU(100, 100).sf
        for (int u = 5800; u <= 6100; u += 50) {
            double p = exact.atLeast(u);
            double[][] samples = samplesWithU(100, 100, u);
            double normal = APPROXIMATE.test(samples[1], samples[0]).getPValue();
            assertThat(normal).as("u = %d", u).isCloseTo(p, within(0.03 * p));
        }
    }

    @Test
    void fiftyOrMoreASideWithoutTiesIsStillExactWhereCommonsWouldApproximate() {
        double[][] samples = samplesWithU(60, 60, 2100);

        MannWhitneyU.Result r = MannWhitneyU.slower(samples[0], samples[1]);

        assertThat(r.u()).isEqualTo(2100);
        assertThat(r.exact()).isTrue();
        assertThat(r.pValue()).isEqualTo(UDistribution.of(60, 60).atLeast(2100));
        // the approximation Commons' default would give is off by more than this test tolerates
        assertThat(APPROXIMATE.test(samples[1], samples[0]).getPValue()).isNotCloseTo(r.pValue(), within(1e-6));
    }

    @Test
    void belowFiftyASideCommonsIsExactAndAgreesWithTheExactTable() {
        double[][] samples = samplesWithU(49, 40, 1300);

        MannWhitneyU.Result r = MannWhitneyU.slower(samples[0], samples[1]);

        assertThat(r.exact()).isTrue();
        assertThat(r.pValue()).isCloseTo(UDistribution.of(49, 40).atLeast(1300), within(1e-15));
    }

    @Test
    void beyondTheExactTableTheNormalApproximationIsUsed() {
        double[][] samples = samplesWithU(100, 101, 5600);

        MannWhitneyU.Result r = MannWhitneyU.slower(samples[0], samples[1]);

        assertThat(r.exact()).isFalse();
        assertThat(r.pValue()).isEqualTo(APPROXIMATE.test(samples[1], samples[0]).getPValue());
    }

    @Test
    void anEmptySampleIsRefusedWithBothSizes() {
        assertThatThrownBy(() -> MannWhitneyU.slower(new double[] {1}, new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the U test needs samples on both sides, got 1 baseline and 0 current");
    }

    /**
     * A baseline of 1..m and n current values between them, placed so that exactly u pairs have the
     * current value above the baseline one; no ties.
     */
    private static double[][] samplesWithU(int m, int n, int u) {
        double[] baseline = new double[m];
        for (int i = 0; i < m; i++) {
            baseline[i] = i + 1;
        }
        if (u < 0 || u > (long) m * n) {
            throw new IllegalArgumentException("no samples of sizes " + m + " and " + n + " have U = " + u);
        }
        double[] current = new double[n];
        for (int j = 0; j < n; j++) {
            int above = u / n + (j < u % n ? 1 : 0);
            current[j] = above + 0.5 + j * 1e-6; // above that many baseline values, and all distinct
        }
        return new double[][] {baseline, current};
    }
}
