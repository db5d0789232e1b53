package dev.gate.checks.trend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Severity;
import dev.gate.checks.Status;
import dev.gate.checks.latency.LatencySamples;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TripwireTest {
    private static final Instant FIRST = Instant.parse("2026-11-01T10:00:00Z");
    private final Tripwire tripwire = new Tripwire(TripwireSpec.DEFAULT, 2.0);

    static List<DeployPoint> history(double[] medians) {
        List<DeployPoint> out = new ArrayList<>();
        for (int i = 0; i < medians.length; i++) {
            String commit = String.format("%07x", 0xa000000 + i) + "0".repeat(33);
            String previous = String.format("%07x", 0xa000000 + i - 1) + "0".repeat(33);
            out.add(new DeployPoint(commit, Optional.of(previous), Optional.of("change " + i),
                    FIRST.plus(Duration.ofDays(i)), medians[i], medians[i] * 1.3));
        }
        return out;
    }

    static LatencySamples around(double ms) {
        double[] v = new double[40];
        for (int i = 0; i < v.length; i++) {
            v[i] = ms * (1 + 0.01 * (i % 5 - 2));
        }
        return LatencySamples.of("products", "GET /api/products", v);
    }

    @Test
    void fewerThanFiveDeploysAreSaidNotGuessed() {
        CheckResult r = tripwire.judge(around(40), history(new double[] {10, 10, 10, 10}));

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.summary()).contains("not judged against earlier deploys yet: 4 in the history, 5 needed");
    }

    @Test
    void aFlatHistoryDoesNotTripOnAMillisecondsWiggle() {
        double[] flat = new double[20];
        java.util.Arrays.fill(flat, 14.0);
        CheckResult r = tripwire.judge(around(15.0), history(flat));

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.summary()).contains("median 15.0 ms is 2.0σ above its last 20 deploys (14.0 ms); trips above 3σ");
    }

    @Test
    void aRiseBelowMinDeltaNeverTripsHoweverTightTheHistory() {
        double[] flat = new double[20];
        java.util.Arrays.fill(flat, 1.0);
        CheckResult r = tripwire.judge(around(2.9), history(flat));

        assertThat(r.status()).isEqualTo(Status.PASS);
    }

    @Test
    void creepThatEachDeployLetThroughTripsAndNamesTheDeploysWhereItStepped() {
        // 30 deploys with ±2% noise: +20% at deploy 10, +20% at deploy 22; the live release is at the new level
        double[] medians = ChangePointsTest.twoSteps(7);
        CheckResult r = tripwire.judge(around(14 * 1.44), history(medians));

        assertThat(r.status()).isEqualTo(Status.WARN);
        assertThat(r.kind()).isEqualTo(Tripwire.KIND);
        assertThat(r.id()).isEqualTo("products-tripwire");
        assertThat(r.summary()).startsWith("GET /api/products: median 20.2 ms is ")
                .contains("σ above its last 20 deploys (")
                .contains("; it rose at a00000a (+")
                .contains("%, 2026-11-11) and a000016 (+")
                .contains(", 2026-11-23)");
        assertThat(r.details()).anySatisfy(d -> assertThat(d).contains("at the deploy of a00000a")
                .contains("(commits a000009..a00000a)").contains(": change 10"));
        assertThat(r.playbook()).isEqualTo(Tripwire.PLAYBOOK);
    }

    @Test
    void aJumpWithThisDeployIsNamedAsThisDeploy() {
        double[] flat = new double[25];
        Random random = new Random(3);
        for (int i = 0; i < flat.length; i++) {
            flat[i] = 20 * Math.exp(0.02 * random.nextGaussian());
        }
        CheckResult r = new Tripwire(new TripwireSpec(20, 3, Severity.BLOCK), 2.0).judge(around(30), history(flat));

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).contains("it rose at this deploy (+5");
    }

    @Test
    void normalIsTheMedianSoOneSlowDeployInTheHistoryDoesNotMoveIt() {
        double[] medians = new double[20];
        java.util.Arrays.fill(medians, 10.0);
        medians[5] = 60;
        CheckResult r = tripwire.judge(around(10.2), history(medians));

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.summary()).contains("(10.0 ms)");
    }
}
