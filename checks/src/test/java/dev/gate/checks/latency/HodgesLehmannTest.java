package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The ratio estimate and Moses' interval against hand-worked and brute-force values. */
class HodgesLehmannTest {
    private static final double[] POWERS = {1, 2, 4, 8, 16};
    private static final double[] THREE_TIMES = {3, 6, 12, 24, 48};

    @Test
    void samplesThreeTimesApartHaveARatioOfThreeAndTheHandWorked95PercentInterval() {
        // The 25 ratios are 3·2^(j−i): 3/16 once, 3/8 twice, 3/4 three times, 3/2 four times, 3 five
        // times, then 6, 12, 24, 48 four, three, two and one times. The 13th is 3. For 5 and 5 the counts
        // of U = 0, 1, 2, 3 are 1, 1, 2, 3 of 252, so P(U <= 2) = 4/252 <= 0.025 < P(U <= 3) = 7/252:
        // k = 3, and the interval runs from the 3rd smallest ratio (3/8) to the 3rd largest (24).
        RatioEstimate r = HodgesLehmann.ratio(POWERS, THREE_TIMES, 0.95);

        assertThat(r.ratio()).isCloseTo(3, within(1e-12));
        assertThat(r.low()).isCloseTo(0.375, within(1e-12));
        assertThat(r.high()).isCloseTo(24, within(1e-12));
        assertThat(r.confidence()).isEqualTo(0.95);
        assertThat(r.tooFewSamples()).isFalse();
    }

    @Test
    void at99PercentFiveAgainstFiveOnlyJustAllowAnIntervalTheWholeRangeOfRatios() {
        // P(U = 0) = 1/252 ≈ 0.004 <= 0.005 < P(U <= 1) = 2/252: k = 1.
        RatioEstimate r = HodgesLehmann.ratio(POWERS, THREE_TIMES, 0.99);

        assertThat(r.low()).isCloseTo(3.0 / 16, within(1e-12));
        assertThat(r.high()).isCloseTo(48, within(1e-12));
        assertThat(r.tooFewSamples()).isFalse();
    }

    @Test
    void tooFewSamplesForTheConfidenceGiveTheWidestIntervalWithTheCoverageItReallyHas() {
        // Ratios 15/20, 15/10, 30/20, 30/10 = 0.75, 1.5, 1.5, 3; P(U = 0) = 1/6, so the range covers 2/3.
        RatioEstimate r = HodgesLehmann.ratio(new double[] {10, 20}, new double[] {15, 30}, 0.99);

        assertThat(r.ratio()).isCloseTo(1.5, within(1e-12));
        assertThat(r.low()).isCloseTo(0.75, within(1e-12));
        assertThat(r.high()).isCloseTo(3, within(1e-12));
        assertThat(r.confidence()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.tooFewSamples()).isTrue();
    }

    @Test
    void twelveAgainstFifteenMatchABruteForceEnumerationOfAll180Ratios() {
        // Computed independently in Python: every ratio sorted, k from integer partition counts
        // (k = 50 at 95%, 38 at 99%).
        double[] baseline = {31.28, 35.6, 28.55, 31.34, 25.99, 24.9, 49.61, 39.39, 35.72, 25.18, 37.57, 20.37};
        double[] current = {29.72, 41.88, 22.59, 54.72, 40.48, 28.29, 21.33, 37.29, 53.39, 41.73, 22.19, 28.66,
            38.12, 42.88, 42.38};

        RatioEstimate at95 = HodgesLehmann.ratio(baseline, current, 0.95);
        RatioEstimate at99 = HodgesLehmann.ratio(baseline, current, 0.99);

        assertThat(at95.ratio()).isCloseTo(1.1347016284623375, within(1e-10));
        assertThat(at95.low()).isCloseTo(0.8643418665591616, within(1e-10));
        assertThat(at95.high()).isCloseTo(1.4590083456062837, within(1e-10));
        assertThat(at99.low()).isCloseTo(0.8023516237402016, within(1e-10));
        assertThat(at99.high()).isCloseTo(1.5319148936170213, within(1e-10));
    }

    @Test
    void theExactOrderStatisticsMatchSciPyAndTheNormalApproximationIsAtMostThreeOnTheWideSide() {
        // k for 99% from SciPy's exact U distribution (_MWU(100, n).cdf): 1444, 2689, 3949. Above the
        // table (m·n > 10,000) the approximation takes over; it picks a ratio or three further out of
        // thousands (a slightly wider interval), never a narrower one.
        long[] sciPy = {1444, 2689, 3949};
        int[] sizes = {40, 70, 100};
        for (int i = 0; i < sizes.length; i++) {
            int n = sizes[i];
            long exact = HodgesLehmann.orderStatistic(100, n, 0.005);
            double sd = Math.sqrt(100.0 * n * (100 + n + 1) / 12);
            long normal = (long) Math.floor(100.0 * n / 2 - 2.5758293035489004 * sd + 0.5);
            assertThat(exact).as("100 x %d", n).isEqualTo(sciPy[i]);
            assertThat(normal).as("100 x %d", n).isBetween(exact - 3, exact);
        }
        assertThat(HodgesLehmann.orderStatistic(100, 120, 0.005)).isEqualTo(
                (long) Math.floor(6000 - 2.5758293035489004 * Math.sqrt(12000.0 * 221 / 12) + 0.5));
    }

    @Test
    void everyOrderStatisticOfThePairwiseDifferencesMatchesSortingThemAll() {
        SplittableRandom random = new SplittableRandom(7);
        double[] x = new double[9];
        double[] y = new double[13];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.rint(random.nextDouble() * 20) / 4; // ties on purpose
        }
        for (int j = 0; j < y.length; j++) {
            y[j] = Math.rint(random.nextDouble() * 24) / 4;
        }
        double[] all = new double[x.length * y.length];
        int at = 0;
        for (double b : x) {
            for (double c : y) {
                all[at++] = c - b;
            }
        }
        Arrays.sort(all);
        PairwiseDifferences d = new PairwiseDifferences(x, y);
        for (int k = 1; k <= all.length; k++) {
            assertThat(d.kth(k)).as("k = %d", k).isCloseTo(all[k - 1], within(1e-12));
        }
    }

    @Test
    void aZeroSampleIsRefusedBecauseRatiosNeedPositiveLatencies() {
        assertThatThrownBy(() -> HodgesLehmann.ratio(new double[] {1, 0}, new double[] {1}, 0.99))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("latency samples must be positive and finite, got 0.0");
    }
}
