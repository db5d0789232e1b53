package dev.gate.checks.latency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A slowdown worth blocking for is confirmed by fresh samples before it blocks: a rollback undoes a
 * deploy and pages people, and a burst of load or a cache flushed during the first samples would
 * otherwise cause one. The fresh samples ({@code latency.confirm} of them per endpoint) are
 * compared with the baseline on their own; they agree when they too show a slowdown of at least half
 * of {@code min_effect}. When they do not, the rounds disagree: the endpoint WARNs and says so, and
 * latency alone does not block.
 */
final class Confirmation {
    private Confirmation() {
    }

    static Map<String, EndpointVerdict> confirm(LatencySpec spec, Map<String, LatencySamples> before,
            Map<String, EndpointVerdict> verdicts, CurrentSampler sampler) throws Exception {
        List<String> blocking = verdicts.values().stream()
                .filter(v -> v.finding() == LatencyFinding.WORTH_BLOCKING)
                .map(EndpointVerdict::endpointId).toList();
        if (blocking.isEmpty() || spec.confirmSamples() == 0) {
            return verdicts;
        }
        Map<String, LatencySamples> fresh = LatencyDecision.byId(sampler.sample(blocking, spec.confirmSamples()));
        Map<String, EndpointVerdict> out = new LinkedHashMap<>(verdicts);
        for (String id : blocking) {
            EndpointVerdict first = verdicts.get(id);
            LatencySamples again = fresh.get(id);
            if (again == null || again.size() < 2) {
                out.put(id, first.withDetail("not confirmed: the fresh samples failed, so the first ones decide"));
                continue;
            }
            // against the same reference as the first samples: the baseline pooled with the sessions level with it
            LatencyStats second = LatencyComparison.measure(before.get(id), again, spec.confidence(),
                    spec.effectiveRoundSize(), first.stats().test().drift());
            double ratio = second.ratio().ratio();
            String said = String.format(Locale.ROOT, "%s× in %d fresh samples", LatencyLine.ratio(ratio), again.size());
            EndpointVerdict v = first.withMetric("confirm_ratio", ratio).withMetric("confirm_ms", again.ms());
            if (ratio >= 1 + spec.minEffect() / 2) {
                out.put(id, v.withDetail("confirmed: " + said));
            } else {
                out.put(id, v.refound(LatencyFinding.UNCONFIRMED, first.stats().label() + ": the rounds disagree: "
                        + LatencyLine.ratio(first.stats().ratio().ratio()) + "× slower in the first "
                        + first.stats().currentMs().size() + " samples, " + said
                        + "; not blocking on latency alone " + LatencyLine.evidence(first.stats(), first.pValue()))
                        .withDetail("not confirmed: " + said + ", under the " + LatencyLine.percent(spec.minEffect() / 2)
                                + " the fresh samples had to show"));
            }
        }
        return out;
    }
}
