package dev.gate.checks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyBudgetTest {
    // 20 samples: 100, 110, ..., 290 ms. Type-7 percentiles: p50 = 195, p90 = 271, p95 = 280.5 (281 in the line), p99 = 288.1.
    private static final LatencySamples HEALTH = LatencySamples.of("health", "GET /api/health", ramp());

    private static double[] ramp() {
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = 100 + 10 * i;
        }
        return ms;
    }

    @Test
    void aPercentileOverItsBudgetFailsWithTheMeasuredValue() {
        CheckResult r = LatencyBudget.check(HEALTH, Map.of("p95", Duration.ofMillis(250)));

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.id()).isEqualTo("health-budget");
        assertThat(r.kind()).isEqualTo("budget");
        assertThat(r.name()).isEqualTo("GET /api/health");
        assertThat(r.summary()).isEqualTo("GET /api/health: p95 is 281 ms, over the 250 ms budget");
        assertThat(r.playbook()).isEqualTo("latency-budget");
        assertThat(r.metrics()).containsEntry("p95_ms", 280.5).containsEntry("p95_budget_ms", 250.0);
    }

    @Test
    void percentilesWithinTheirBudgetsPassAndSaySo() {
        Map<String, Duration> limits = new LinkedHashMap<>();
        limits.put("p50", Duration.ofMillis(200));
        limits.put("p99", Duration.ofMillis(300));

        CheckResult r = LatencyBudget.check(HEALTH, limits);

        assertThat(r.status()).isEqualTo(Status.PASS);
        assertThat(r.summary()).isEqualTo("GET /api/health: p50 is 195 ms, within the 200 ms budget; "
                + "p99 is 288 ms, within the 300 ms budget");
        assertThat(r.playbook()).isEmpty();
    }

    @Test
    void onlyThePercentilesOverBudgetAreInTheSummaryTheOthersInTheDetails() {
        Map<String, Duration> limits = new LinkedHashMap<>();
        limits.put("p50", Duration.ofMillis(200));
        limits.put("p90", Duration.ofMillis(250));
        limits.put("p99", Duration.ofSeconds(1));

        CheckResult r = LatencyBudget.check(HEALTH, limits);

        assertThat(r.status()).isEqualTo(Status.FAIL);
        assertThat(r.summary()).isEqualTo("GET /api/health: p90 is 271 ms, over the 250 ms budget");
        assertThat(r.details()).containsExactly("p50 is 195 ms, within the 200 ms budget",
                "p99 is 288 ms, within the 1000 ms budget");
    }

    @Test
    void fastEndpointsAreReportedToATenthOfAMillisecond() {
        CheckResult r = LatencyBudget.check(LatencySamples.of("ping", "GET /ping", 4.2, 4.4, 4.6, 40),
                Map.of("p50", Duration.ofMillis(4)));

        assertThat(r.summary()).isEqualTo("GET /ping: p50 is 4.5 ms, over the 4 ms budget");
    }

    @Test
    void anEndpointWithoutSamplesIsAnErrorNotAPass() {
        CheckResult r = LatencyBudget.check(new LatencySamples("health", "GET /api/health", java.util.List.of()),
                Map.of("p95", Duration.ofMillis(300)));

        assertThat(r.status()).isEqualTo(Status.ERROR);
        assertThat(r.summary()).isEqualTo("GET /api/health: no latency samples to hold against its budget");
    }

    @Test
    void anUnknownPercentileIsRefusedWithTheOnesThatExist() {
        assertThatThrownBy(() -> LatencyBudget.check(HEALTH, Map.of("p42", Duration.ofMillis(300))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("GET /api/health: unknown percentile \"p42\" in a budget; use one of p50, p90, p95, p99");
    }
}
