package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The numerical integration behind sequential looks, against published group-sequential constants
 * (Jennison and Turnbull, Group Sequential Methods, Tables 2.1 and 2.3: one-sided level 0.025).
 */
class AlphaSpendingTest {

    @Test
    void pococksConstantBoundaryForTwoEqualLooksCrossesWithProbabilityTwoAndAHalfPercent() {
        assertThat(AlphaSpending.crossing(new double[] {1, 2}, new double[] {2.178, 2.178}))
                .isCloseTo(0.025, within(0.0002));
    }

    @Test
    void pococksConstantBoundaryForFiveEqualLooksCrossesWithProbabilityTwoAndAHalfPercent() {
        double c = 2.413;
        assertThat(AlphaSpending.crossing(new double[] {1, 2, 3, 4, 5}, new double[] {c, c, c, c, c}))
                .isCloseTo(0.025, within(0.0002));
    }

    @Test
    void oBrienFlemingsBoundaryForFourLooksCrossesWithProbabilityTwoAndAHalfPercent() {
        double cb = 2.024;
        double[] c = new double[4];
        for (int k = 1; k <= 4; k++) {
            c[k - 1] = cb * Math.sqrt(4.0 / k);
        }
        assertThat(AlphaSpending.crossing(new double[] {1, 2, 3, 4}, c)).isCloseTo(0.025, within(0.0002));
    }

    @Test
    void theComputedBoundariesSpendExactlyAlphaOverAllLooksAndMoreThanBonferroniAtEach() {
        // A fixed baseline of 30 and current samples of 30, 60, 90, 120: information 1 / (1/30 + 1/n).
        double[] information = {15, 20, 22.5, 24};
        double[] c = AlphaSpending.boundaries(information, 0.01);
        double[] levels = AlphaSpending.levels(information, 0.01);

        assertThat(AlphaSpending.crossing(information, c)).isCloseTo(0.01, within(1e-6));
        assertThat(levels[0]).isCloseTo(AlphaSpending.spent(0.01, 15.0 / 24), within(1e-12));
        for (double level : levels) {
            assertThat(level).isGreaterThan(0.01 / 4).isLessThan(0.01);
        }
    }

    @Test
    void oneLookSpendsAllOfAlpha() {
        assertThat(AlphaSpending.levels(new double[] {7}, 0.01)[0]).isCloseTo(0.01, within(1e-12));
    }
}
