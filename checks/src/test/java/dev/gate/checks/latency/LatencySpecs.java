package dev.gate.checks.latency;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Latency specs for the tests: the defaults with the few keys a test turns. */
final class LatencySpecs {
    private LatencySpecs() {
    }

    static LatencySpec of(List<String> endpoints, int samples, int max) {
        return of(endpoints, samples, max, 0, Map.of());
    }

    static LatencySpec of(List<String> endpoints, int samples, int max, int confirm,
            Map<String, Map<String, Duration>> budgets) {
        return new LatencySpec(endpoints, samples, max, LatencySpec.ROUND_SIZE, confirm, WarmUp.fixed(0), 0.10,
                LatencySpec.MIN_DELTA_MS, 0.99, LatencySpec.Inconclusive.PASS, budgets);
    }

    static LatencySpec inconclusive(LatencySpec s, LatencySpec.Inconclusive what) {
        return new LatencySpec(s.endpoints(), s.samples(), s.maxSamples(), s.roundSize(), s.confirmSamples(),
                s.warmup(), s.minEffect(), s.minDeltaMs(), s.confidence(), what, s.budgets());
    }
}
