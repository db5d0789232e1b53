package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SessionPoolTest {
    private static final double SAMPLING = 0.0004;

    /** Earlier sessions, oldest first, at the given log levels. */
    private static List<SessionLevel> levels(double... logs) {
        List<SessionLevel> out = new ArrayList<>();
        for (double l : logs) {
            out.add(new SessionLevel(l, SAMPLING));
        }
        return out;
    }

    @Test
    void withoutEarlierSessionsTheBaselineIsTheReferenceAsBefore() {
        SessionPool pool = SessionPool.of(Math.log(15), SAMPLING, List.of(), 0.01);

        assertThat(pool.sessions()).isEqualTo(1);
        assertThat(pool.shift()).isCloseTo(0, within(1e-12));
        assertThat(pool.variance()).isCloseTo(0.01 + SAMPLING, within(1e-12));
    }

    @Test
    void earlierSessionsLevelWithTheBaselineArePooledUpToEight() {
        SessionPool pool = SessionPool.of(0, SAMPLING, levels(0.02, -0.01, 0.01, 0, 0.03, -0.02, 0.01, 0, -0.01, 0.02),
                0.01);

        assertThat(pool.sessions()).isEqualTo(1 + SessionPool.MOST_EARLIER);
        assertThat(pool.variance()).isCloseTo((0.01 + SAMPLING) / 9, within(1e-12));
        // the baseline and the eight before the newest, which is the baseline's own release and session
        assertThat(pool.shift()).isCloseTo((-0.01 + 0.01 + 0 + 0.03 - 0.02 + 0.01 + 0 - 0.01) / 9, within(1e-12));
    }

    @Test
    void aReleaseThatReallyChangedTheSpeedIsWhereThePoolStops() {
        // four sessions of an older release 1.5× slower, then four at the baseline's speed and the newest
        double slower = Math.log(1.5);
        SessionPool pool = SessionPool.of(0, SAMPLING, levels(slower, slower, slower, slower, 0.01, -0.01, 0, 0.01, 0),
                0.05 * 0.05);

        assertThat(pool.sessions()).isEqualTo(5);
        assertThat(pool.shift()).isCloseTo(0.002, within(1e-12));
    }

    @Test
    void aCreepOfTenPercentAReleaseOnASteadyEndpointIsNotPooled() {
        double[] creep = new double[8];
        for (int i = 0; i < creep.length; i++) {
            creep[i] = -Math.log(1.10) * (creep.length - 1 - i);
        }
        SessionPool pool = SessionPool.of(0, SAMPLING, levels(creep), 0.03 * 0.03);

        assertThat(pool.sessions()).isLessThanOrEqualTo(2);
        assertThat(pool.shift()).isGreaterThan(-0.05);
    }

    /**
     * Sessions drawing their own speed, η 0.1, and no release changing it, the newest in the
     * baseline's workers: a verify compared with the pool differs by about η²(1 + 1/k), as the
     * pool's variance says, a little more (under 20%): the sessions declined are the ones furthest
     * from the baseline, so the pool sits a little closer to it than an unselected one would.
     */
    @Test
    void onLevelSessionsTheComparisonsVarianceIsWhatThePoolSays() {
        SplittableRandom random = new SplittableRandom(12);
        double eta2 = 0.01;
        double z2 = 0;
        double sessions = 0;
        int deploys = 4000;
        for (int d = 0; d < deploys; d++) {
            List<SessionLevel> earlier = releases(random, eta2, 1);
            double baseline = draw(random, eta2);
            earlier.add(inTheBaselinesWorkers(random, baseline));
            SessionPool pool = SessionPool.of(baseline, SAMPLING, earlier, eta2);
            double verify = draw(random, eta2);
            // the verify against the pool: the baseline's level plus the pool's shift
            double z = (verify - baseline - pool.shift()) / Math.sqrt(eta2 + SAMPLING + pool.variance());
            z2 += z * z;
            sessions += pool.sessions();
        }
        assertThat(z2 / deploys).isBetween(1.0, 1.2);
        assertThat(sessions / deploys).as("sessions pooled of 9, on average").isGreaterThan(5);
    }

    /** A creep of +5% a release hidden in a drift of 10%: the reference moves by less than that drift. */
    @Test
    void aCreepHiddenInTheDriftMovesTheReferenceByLessThanTheDrift() {
        SplittableRandom random = new SplittableRandom(13);
        double eta2 = 0.01;
        double shift = 0;
        int deploys = 2000;
        for (int d = 0; d < deploys; d++) {
            List<SessionLevel> earlier = releases(random, eta2, 1.05);
            double baseline = draw(random, eta2);
            earlier.add(inTheBaselinesWorkers(random, baseline));
            shift += SessionPool.of(baseline, SAMPLING, earlier, eta2).shift();
        }
        assertThat(shift / deploys).isBetween(-0.1, 0.0);
    }

    /** Twelve earlier releases' sessions, oldest first, each release {@code creep} times slower than the last. */
    private static List<SessionLevel> releases(SplittableRandom random, double eta2, double creep) {
        List<SessionLevel> earlier = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            earlier.add(new SessionLevel(draw(random, eta2) - Math.log(creep) * (12 - i), SAMPLING));
        }
        return earlier;
    }

    /** The newest deploy: the baseline's release, measured in the baseline's workers. */
    private static SessionLevel inTheBaselinesWorkers(SplittableRandom random, double baseline) {
        return new SessionLevel(baseline + Math.sqrt(2 * SAMPLING) * random.nextGaussian(), SAMPLING);
    }

    private static double draw(SplittableRandom random, double eta2) {
        return Math.sqrt(eta2 + SAMPLING) * random.nextGaussian();
    }
}
