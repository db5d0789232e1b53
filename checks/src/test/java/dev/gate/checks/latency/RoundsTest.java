package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Rounds and the t-test across them, against numbers worked out by hand. */
class RoundsTest {
    @Test
    void aRoundIsTheTrimmedMeanOfItsLogLatenciesSoOneStraySlowRequestDoesNotMoveIt() {
        double[] round = {10, 10, 10, 10, 10, 10, 10, 10, 10, 900};

        assertThat(Rounds.of(round, 10)).hasSize(1);
        assertThat(Rounds.of(round, 10)[0]).isCloseTo(Math.log(10), within(1e-12));
        // the plain mean of the logs would be ln 10 + ln(90)/10
        assertThat(Rounds.trimmedLogMean(new double[] {1, 2, 4, 8, 16})).isCloseTo(Math.log(4), within(1e-12));
    }

    @Test
    void aShortLastRoundJoinsTheOneBeforeAndAHalfOneCounts() {
        assertThat(Rounds.of(new double[23], 10)).hasSize(2);
        assertThat(Rounds.of(new double[25], 10)).hasSize(3);
        assertThat(Rounds.of(new double[4], 10)).hasSize(1);
    }

    @Test
    void theTestPoolsTheSpreadBetweenRoundsOfBothSides() {
        // means 0.1 and 0.4; sum of squares 0.02 + 0.02 over 4 degrees of freedom: spread 0.1;
        // standard error 0.1·sqrt(2/3) = 0.08165; t = 3.674 with 4 df: one-sided p = 0.01066
        RoundTest t = RoundTest.of(new double[] {0, 0.1, 0.2}, new double[] {0.3, 0.4, 0.5});

        assertThat(t.logRatio()).isCloseTo(0.3, within(1e-12));
        assertThat(t.roundSpread()).isCloseTo(0.1, within(1e-12));
        assertThat(t.standardError()).isCloseTo(0.1 * Math.sqrt(2.0 / 3), within(1e-12));
        assertThat(t.degreesOfFreedom()).isEqualTo(4);
        assertThat(t.pValue()).isCloseTo(0.01066, within(2e-5));
        // t_(0.995, 4) = 4.604: exp(0.3 ± 4.604 · 0.08165)
        RatioEstimate r = t.ratio(0.99);
        assertThat(r.ratio()).isCloseTo(Math.exp(0.3), within(1e-12));
        assertThat(r.low()).isCloseTo(Math.exp(0.3 - 4.604 * 0.08165), within(1e-3));
        assertThat(r.high()).isCloseTo(Math.exp(0.3 + 4.604 * 0.08165), within(1e-3));
    }

    @Test
    void roundsThatDriftApartWidenTheIntervalWhereAllSamplesAsOneWouldNot() {
        // the same 20 samples a side; once steady within and between rounds, once drifting ±15%
        // between rounds: the drifting one cannot tell a 10% shift from the drift
        double[] steadyBefore = new double[20];
        double[] steadyAfter = new double[20];
        double[] driftBefore = new double[20];
        double[] driftAfter = new double[20];
        for (int i = 0; i < 20; i++) {
            double wobble = 1 + 0.01 * (i % 5 - 2);
            double drift = (i / 10) % 2 == 0 ? 1.15 : 0.87;
            steadyBefore[i] = 20 * wobble;
            steadyAfter[i] = 22 * wobble;
            driftBefore[i] = 20 * wobble * drift;
            driftAfter[i] = 22 * wobble / drift;
        }
        RoundTest steady = RoundTest.of(Rounds.of(steadyBefore, 10), Rounds.of(steadyAfter, 10));
        RoundTest drifting = RoundTest.of(Rounds.of(driftBefore, 10), Rounds.of(driftAfter, 10));

        assertThat(steady.pValue()).isLessThan(1e-6);
        assertThat(drifting.pValue()).isGreaterThan(0.2);
    }

    @Test
    void fewerThanThreeRoundsInAllAreRefused() {
        assertThatThrownBy(() -> RoundTest.of(new double[] {1}, new double[] {2}))
                .hasMessageContaining("drift cannot be measured");
    }
}
