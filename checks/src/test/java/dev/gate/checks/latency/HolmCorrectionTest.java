package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HolmCorrectionTest {

    @Test
    void multipliesTheSortedPValuesByTheNumberLeftAndKeepsThemMonotone() {
        // Sorted: 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 raised to 0.06.
        double[] adjusted = HolmCorrection.adjust(0.01, 0.04, 0.03, 0.005);

        assertThat(adjusted[0]).isCloseTo(0.03, within(1e-15));
        assertThat(adjusted[1]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[2]).isCloseTo(0.06, within(1e-15));
        assertThat(adjusted[3]).isCloseTo(0.02, within(1e-15));
    }

    @Test
    void capsAtOne() {
        assertThat(HolmCorrection.adjust(0.5, 0.6)).containsExactly(1.0, 1.0);
    }

    @Test
    void leavesASingleEndpointAlone() {
        assertThat(HolmCorrection.adjust(0.004)).containsExactly(0.004);
        assertThat(HolmCorrection.adjust()).isEmpty();
    }

    @Test
    void refusesSomethingThatIsNotAPValue() {
        assertThatThrownBy(() -> HolmCorrection.adjust(0.2, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a p-value must be between 0 and 1, got 1.5");
    }
}
