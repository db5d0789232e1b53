package dev.gate.checks.trend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangePointsTest {
    /** 30 deploys at 14 ms with ±2% noise, +20% at deploy 10 and +20% again at deploy 22. */
    static double[] twoSteps(long seed) {
        Random random = new Random(seed);
        double[] v = new double[30];
        for (int i = 0; i < v.length; i++) {
            double level = 14 * (i >= 10 ? 1.2 : 1) * (i >= 22 ? 1.2 : 1);
            v[i] = level * Math.exp(0.02 * random.nextGaussian());
        }
        return v;
    }

    @Test
    void findsExactlyTheTwoStepsHiddenInNoiseInEverySeed() {
        for (long seed = 1; seed <= 200; seed++) {
            List<ChangePoints.Step> steps = ChangePoints.of(twoSteps(seed));

            assertThat(steps).as("seed %d", seed).extracting(ChangePoints.Step::index).containsExactly(10, 22);
            assertThat(steps).as("seed %d", seed).allSatisfy(s -> assertThat(s.ratio()).isBetween(1.15, 1.25));
        }
    }

    @Test
    void aFlatNoisySeriesHasNoStepsInAlmostAllSeeds() {
        int withSteps = 0;
        for (long seed = 1; seed <= 500; seed++) {
            Random random = new Random(seed);
            double[] v = new double[50];
            for (int i = 0; i < v.length; i++) {
                v[i] = 14 * Math.exp(0.02 * random.nextGaussian());
            }
            if (!ChangePoints.of(v).isEmpty()) {
                withSteps++;
            }
        }
        assertThat(withSteps).isLessThanOrEqualTo(5);
    }

    @Test
    void aSeriesThatRepeatsItselfExactlyHasNoSteps() {
        assertThat(ChangePoints.of(new double[] {10, 10, 10, 10, 10, 10, 10})).isEmpty();
    }

    @Test
    void aSmallStepIsNotNamedEvenWhenTheSeriesIsQuiet() {
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = i < 10 ? 10.0 : 10.3;
        }
        assertThat(ChangePoints.of(v)).isEmpty();
    }

    @Test
    void aStepDownIsFoundAsADownStep() {
        double[] v = new double[20];
        for (int i = 0; i < v.length; i++) {
            v[i] = (i < 12 ? 20.0 : 12.0) * (1 + 0.01 * (i % 3 - 1));
        }
        List<ChangePoints.Step> steps = ChangePoints.of(v);
        assertThat(steps).hasSize(1);
        assertThat(steps.get(0).index()).isEqualTo(12);
        assertThat(steps.get(0).up()).isFalse();
    }
}
