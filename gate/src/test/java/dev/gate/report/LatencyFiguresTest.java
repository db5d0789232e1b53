package dev.gate.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.Status;
import dev.gate.checks.CheckResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyFiguresTest {
    @Test
    void percentilesInterpolateBetweenClosestRanksLikeASpreadsheet() {
        assertThat(LatencyFigures.percentile(List.of(4.0, 1.0, 3.0, 2.0), 50).getAsDouble()).isEqualTo(2.5);
        assertThat(LatencyFigures.percentile(List.of(4.0, 1.0, 3.0, 2.0), 95).getAsDouble()).isCloseTo(3.85, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(LatencyFigures.percentile(List.of(7.0), 95).getAsDouble()).isEqualTo(7.0);
        assertThat(LatencyFigures.percentile(List.of(), 50)).isEmpty();
    }

    @Test
    void samplesReadBackFromJsonAsIntegersOrTextStillCount() {
        CheckResult c = new CheckResult("e", "latency", "GET /", Status.PASS, "ok", List.of(),
                Map.of("baseline_ms", List.of(10, 20L, "30", 40.0), "current_ms", List.of("fast", 5), "ratio", "1.5"),
                List.of(), "", Duration.ofMillis(1));

        LatencyFigures f = LatencyFigures.of(c).orElseThrow();

        assertThat(f.baseline()).containsExactly(10.0, 20.0, 30.0, 40.0);
        assertThat(f.current()).containsExactly(5.0);
        assertThat(f.baselineP50().getAsDouble()).isEqualTo(25.0);
        assertThat(f.ratio().getAsDouble()).isEqualTo(1.5);
        assertThat(f.pValue()).isEmpty();
    }

    @Test
    void otherKindsAndLatencyChecksWithoutFiguresHaveNone() {
        CheckResult page = new CheckResult("p", "page", "GET /", Status.PASS, "ok", List.of(),
                Map.of("baseline_ms", List.of(1, 2)), List.of(), "", Duration.ofMillis(1));
        CheckResult broken = new CheckResult("l", "latency", "GET /", Status.ERROR, "timed out", List.of(), Map.of(),
                List.of(), "", Duration.ofMillis(1));

        assertThat(LatencyFigures.of(page)).isEmpty();
        assertThat(LatencyFigures.of(broken)).isEmpty();
    }

    @Test
    void theAxisRunsOverRoundNumbersAndStartsAtZeroWhenTheDataSitNearIt() {
        LatencyPlot.Axis around = LatencyPlot.Axis.of(95, 200);
        LatencyPlot.Axis near = LatencyPlot.Axis.of(3, 47);
        LatencyPlot.Axis flat = LatencyPlot.Axis.of(12, 12);

        assertThat(around.ticks()).containsExactly(50.0, 100.0, 150.0, 200.0);
        assertThat(near.ticks()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(flat.lo()).isLessThan(12);
        assertThat(flat.hi()).isGreaterThan(12);
    }
}
