package dev.gate.checks.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gate.checks.latency.SessionDrift;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DriftEstimateTest {
    private static List<DeployPoint> history(double... medians) {
        List<DeployPoint> points = new ArrayList<>();
        for (int i = 0; i < medians.length; i++) {
            points.add(new DeployPoint("c" + i, Optional.empty(), Optional.empty(), Instant.EPOCH.plusSeconds(i * 3600L),
                    medians[i], medians[i] * 1.2));
        }
        return points;
    }

    /** Sessions whose level is lognormal around 20 ms with spread {@code tau}. */
    private static double[] sessions(long seed, int n, double tau) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = 20 * Math.exp(tau * random.nextGaussian());
        }
        return m;
    }

    @Test
    void measuresTheSpreadOfTwoSessionsDifferenceOverTheLastDeploys() {
        // two sessions each off by tau differ by tau·√2; averaged over seeds the estimate finds it
        double sum = 0;
        for (long seed = 0; seed < 200; seed++) {
            sum += DriftEstimate.of(history(sessions(seed, 20, 0.10)), 20).logSpread();
        }
        assertThat(sum / 200).isCloseTo(0.10 * Math.sqrt(2), within(0.015));
        assertThat(DriftEstimate.of(history(sessions(1, 40, 0.10)), 20).deploys()).as("only the last 20").isEqualTo(20);
    }

    @Test
    void theMediansOwnSamplingNoiseIsNotCountedAsDrift() {
        // sessions that all run at one speed: their medians of 40 samples differ by sampling alone
        double sum = 0;
        for (long seed = 0; seed < 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            List<DeployPoint> points = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                double[] logs = new double[40];
                for (int k = 0; k < logs.length; k++) {
                    logs[k] = Math.log(20) + 0.25 * random.nextGaussian();
                }
                java.util.Arrays.sort(logs);
                double median = Math.exp((logs[19] + logs[20]) / 2);
                points.add(new DeployPoint("c" + i, Optional.empty(), Optional.empty(), Instant.EPOCH.plusSeconds(i),
                        median, median * 1.5, 40, 0.25));
            }
            sum += DriftEstimate.of(points, 20).logSpread();
        }
        assertThat(sum / 200).as("the spread of the differences alone is about 0.078").isLessThan(0.03);
    }

    @Test
    void oneDeployThatReallyChangedTheLevelIsOneOutlyingDifferenceNotAWiderNormal() {
        double[] flat = sessions(3, 20, 0.03);
        double[] stepped = flat.clone();
        for (int i = 10; i < stepped.length; i++) {
            stepped[i] *= 1.4;
        }

        double before = DriftEstimate.of(history(flat), 20).logSpread();
        double after = DriftEstimate.of(history(stepped), 20).logSpread();

        assertThat(after).as("robust").isLessThan(1.35 * before);
        assertThat(standardDeviationOfSteps(stepped)).as("what a plain standard deviation would say")
                .isGreaterThan(1.5 * standardDeviationOfSteps(flat));
    }

    private static double standardDeviationOfSteps(double[] medians) {
        double[] d = new double[medians.length - 1];
        for (int i = 1; i < medians.length; i++) {
            d[i - 1] = Math.log(medians[i] / medians[i - 1]);
        }
        double mean = java.util.Arrays.stream(d).average().orElse(0);
        return Math.sqrt(java.util.Arrays.stream(d).map(x -> (x - mean) * (x - mean)).sum() / (d.length - 1));
    }

    @Test
    void aRowThatCannotBeALatencyIsLeftOutNotTrusted() {
        List<DeployPoint> points = new ArrayList<>(history(20, 22, 19, 21, 20, 21));
        points.add(new DeployPoint("bad", Optional.empty(), Optional.empty(), Instant.EPOCH, 20, 24, 40, Double.NaN));
        points.add(new DeployPoint("inf", Optional.empty(), Optional.empty(), Instant.EPOCH, Double.POSITIVE_INFINITY, 24));

        SessionDrift d = DriftEstimate.of(points, 20);

        assertThat(d.deploys()).as("the median without a spread is kept, the infinite one is not").isEqualTo(7);
        assertThat(d.logSpread()).isFinite();
    }

    @Test
    void fewerThanFiveDeploysAreNotEnoughToSay() {
        assertThat(DriftEstimate.of(history(20, 22, 19, 21), 20)).isEqualTo(SessionDrift.NONE);
        assertThat(DriftEstimate.of(history(20, 22, 19, 21, 20), 20).known()).isTrue();
    }

    @Test
    void perEndpointOnlyThoseWithEnoughHistory() {
        EndpointTrend trend = new EndpointTrend(Map.of("list", history(sessions(4, 12, 0.1)), "new", history(20, 21)),
                Optional.empty());

        assertThat(DriftEstimate.of(trend, List.of("list", "new", "absent"), 20)).containsOnlyKeys("list");
    }
}
