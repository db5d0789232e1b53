package dev.gate.checks.metric;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SeriesDecisionTest {
    private static final MetricQuery.Latency P95 = new MetricQuery.Latency("checkout-p95", "q", 0.10, false);

    private static List<Double> around(double center, int n) {
        // a fixed wobble of ±2%: deterministic, and no two points alike
        return IntStream.range(0, n).mapToObj(i -> center * (1 + 0.02 * Math.sin(i * 1.7))).toList();
    }

    @Test
    void aSeriesFortyPercentHigherAfterTheDeployBlocks() {
        CheckResult r = LatencySeriesDecision.decide(P95, "q", around(0.120, 20), around(0.168, 10));

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).matches("median 1\\d\\d ms → 1\\d\\d ms after the deploy \\(\\+\\d\\d%, 10 points, "
                + "p=[0-9e.-]+\\); worth blocking above \\+10%: compare the commits of this release for slower code paths");
    }

    @Test
    void anUnchangedSeriesPassesAndASmallSignificantShiftOnlyWarns() {
        CheckResult same = LatencySeriesDecision.decide(P95, "q", around(0.120, 20), around(0.120, 10));
        CheckResult small = LatencySeriesDecision.decide(P95, "q", around(0.120, 20), around(0.128, 10));

        assertThat(same.status()).as(same.summary()).isEqualTo(Status.PASS);
        assertThat(small.status()).as(small.summary()).isEqualTo(Status.WARN);
    }

    @Test
    void aThresholdBlocksOnAnyPointPastItsLimitAndNamesTheWorst() {
        MetricQuery.Threshold max100 = new MetricQuery.Threshold("queue-depth", "q", OptionalDouble.of(100),
                OptionalDouble.empty(), false);
        Instant t = Instant.parse("2026-12-01T15:00:00Z");
        Series s = new Series(Map.of(), List.of(new Series.Point(t, 40), new Series.Point(t.plusSeconds(15), 140),
                new Series.Point(t.plusSeconds(30), 120), new Series.Point(t.plusSeconds(45), 60)));

        CheckResult r = ThresholdDecision.decide(max100, "q", List.of(s));
        CheckResult held = ThresholdDecision.decide(new MetricQuery.Threshold("queue-depth", "q", OptionalDouble.of(200),
                OptionalDouble.of(10), false), "q", List.of(s));

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).isEqualTo("140 at 15:00:15Z after the deploy (2 of 4 points past the limit, first at "
                + "15:00:15Z); limit max 100");
        assertThat(held.status()).isEqualTo(Status.PASS);
        assertThat(held.summary()).isEqualTo("between 40 and 140 after the deploy (4 points); limit min 10, max 200");
    }

    @Test
    void stepIsWrittenTheWayPromQlWritesARange() {
        assertThat(StepTemplate.expand("increase(x[$__step])", java.time.Duration.ofSeconds(15))).isEqualTo("increase(x[15s])");
        assertThat(StepTemplate.expand("increase(x[$__step])", java.time.Duration.ofMinutes(2))).isEqualTo("increase(x[2m])");
        assertThat(StepTemplate.expand("rate(x[$__step]) / $__step", java.time.Duration.ofMillis(1500)))
                .isEqualTo("rate(x[1500ms]) / 1500ms");
    }
}
