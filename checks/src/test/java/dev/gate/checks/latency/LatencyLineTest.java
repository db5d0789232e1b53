package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyLineTest {

    @Test
    void pValuesKeepTwoSignificantDigitsAndTurnToAnExponentBelowOneInAThousand() {
        assertThat(LatencyLine.pValue(1.0)).isEqualTo("1");
        assertThat(LatencyLine.pValue(0.4123)).isEqualTo("0.41");
        assertThat(LatencyLine.pValue(0.0134)).isEqualTo("0.013");
        assertThat(LatencyLine.pValue(0.001)).isEqualTo("0.001");
        assertThat(LatencyLine.pValue(0.00096)).isEqualTo("1e-3");
        assertThat(LatencyLine.pValue(2.2e-9)).isEqualTo("2e-9");
        assertThat(LatencyLine.pValue(3.4e-12)).isEqualTo("3e-12");
    }

    @Test
    void changesAreWholePercentagesAndConfidenceKeepsItsDecimals() {
        assertThat(LatencyLine.percent(0.10)).isEqualTo("10%");
        assertThat(LatencyLine.percent(0.253)).isEqualTo("25%");
        assertThat(LatencyLine.percent(0.004)).isEqualTo("0.4%");
        assertThat(LatencyLine.confidence(0.99)).isEqualTo("99%");
        assertThat(LatencyLine.confidence(0.999)).isEqualTo("99.9%");
    }
}
