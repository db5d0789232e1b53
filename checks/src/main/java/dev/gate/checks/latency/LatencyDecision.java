package dev.gate.checks.latency;

import dev.gate.checks.CheckResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The latency decisions of one run: every endpoint of {@code latency.endpoints} compared with its
 * baseline, corrected for their number, plus one budget check per endpoint with budgets.
 *
 * <p>Two ways in. {@link #decide} takes samples already taken and applies Holm's correction across
 * the endpoints. {@link #run} drives a {@link CurrentSampler} through a {@link SequentialPlan} when
 * {@code max_samples} is above {@code samples} (one look, with Holm's correction, otherwise), and
 * then confirms every slowdown worth blocking for with fresh samples ({@link Confirmation}).
 *
 * <p>An endpoint without baseline samples (added to the suite after the baseline was taken) is a
 * WARN: nothing to compare with, and the next baseline will have it. An endpoint without current
 * samples is an ERROR: the gate could not measure the live release, and fails closed.
 */
public final class LatencyDecision {
    private LatencyDecision() {
    }

    /** Check results: one per latency endpoint (in the suite's order), then one per budgeted endpoint. */
    public static List<CheckResult> decide(List<LatencySamples> baselines, List<LatencySamples> currents,
            LatencySpec spec) {
        return decide(baselines, currents, spec, Map.of());
    }

    /** @param drifts per endpoint id, how much its median moves between sessions; absent ones are unknown */
    public static List<CheckResult> decide(List<LatencySamples> baselines, List<LatencySamples> currents,
            LatencySpec spec, Map<String, SessionDrift> drifts) {
        Map<String, LatencySamples> before = byId(baselines);
        Map<String, LatencySamples> now = byId(currents);
        return results(spec, before, now, judgeTogether(spec, before, now, drifts), Map.of());
    }

    /**
     * Samples the live release through {@code sampler} and decides: one round of {@code samples} when
     * {@code max_samples} equals it, otherwise looks following {@link SequentialPlan#of}, each later
     * look only for the endpoints still open. Budgeted endpoints are sampled in the first look.
     */
    public static List<CheckResult> run(LatencySpec spec, List<LatencySamples> baselines, CurrentSampler sampler)
            throws Exception {
        return run(spec, baselines, sampler, Map.of());
    }

    /** @param drifts per endpoint id, how much its median moves between sessions; absent ones are unknown */
    public static List<CheckResult> run(LatencySpec spec, List<LatencySamples> baselines, CurrentSampler sampler,
            Map<String, SessionDrift> drifts) throws Exception {
        Map<String, LatencySamples> before = byId(baselines);
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(concat(spec.endpoints(), spec.budgets().keySet())));
        List<String> compared = spec.endpoints().stream().filter(before::containsKey).toList();
        SequentialPlan plan = SequentialPlan.of(spec, compared.size());
        Map<String, LatencySamples> now = byId(sampler.sample(wanted, plan.size(0)));
        Map<String, EndpointVerdict> verdicts;
        if (plan.looks() == 1) {
            verdicts = judgeTogether(spec, before, now, drifts);
        } else {
            verdicts = new LinkedHashMap<>();
            List<String> open = new ArrayList<>(compared.stream().filter(id -> comparable(spec, before, now, id)).toList());
            for (int look = 0; look < plan.looks() && !open.isEmpty(); look++) {
                if (look > 0) {
                    for (LatencySamples more : sampler.sample(List.copyOf(open), plan.size(look) - plan.size(look - 1))) {
                        now.merge(more.endpointId(), more, (had, added) -> had.plus(added.ms()));
                    }
                }
                for (String id : List.copyOf(open)) {
                    LookDecision d = plan.decide(look, before.get(id), now.get(id), drift(drifts, id));
                    if (d.done() || look == plan.looks() - 1) {
                        verdicts.put(id, d.verdict());
                        open.remove(id);
                    }
                }
            }
        }
        verdicts = Confirmation.confirm(spec, before, verdicts, sampler);
        return results(spec, before, now, verdicts, sampler.coldStarts());
    }

    private static SessionDrift drift(Map<String, SessionDrift> drifts, String id) {
        return drifts.getOrDefault(id, SessionDrift.NONE);
    }

    private static Map<String, EndpointVerdict> judgeTogether(LatencySpec spec, Map<String, LatencySamples> before,
            Map<String, LatencySamples> now, Map<String, SessionDrift> drifts) {
        List<LatencyStats> compared = new ArrayList<>();
        for (String id : spec.endpoints()) {
            if (comparable(spec, before, now, id)) {
                compared.add(LatencyComparison.measure(before.get(id), now.get(id), spec.confidence(),
                        spec.effectiveRoundSize(), drift(drifts, id)));
            }
        }
        double[] adjusted = HolmCorrection.adjust(compared.stream().mapToDouble(s -> s.test().pValue()).toArray());
        Map<String, EndpointVerdict> verdicts = new LinkedHashMap<>();
        for (int i = 0; i < compared.size(); i++) {
            LatencyStats s = compared.get(i);
            EndpointVerdict v = LatencyRule.judge(s, adjusted[i], 1 - spec.confidence(), spec);
            if (compared.size() > 1) {
                v = v.withDetail("Holm's correction for " + compared.size() + " endpoints: p = "
                        + LatencyLine.pValue(s.test().pValue()) + " became " + LatencyLine.pValue(adjusted[i]));
            }
            verdicts.put(s.endpointId(), v);
        }
        return verdicts;
    }

    private static List<CheckResult> results(LatencySpec spec, Map<String, LatencySamples> before,
            Map<String, LatencySamples> now, Map<String, EndpointVerdict> verdicts, Map<String, ColdStart> coldStarts) {
        List<CheckResult> results = new ArrayList<>();
        for (String id : spec.endpoints()) {
            String label = Optional.ofNullable(now.get(id)).or(() -> Optional.ofNullable(before.get(id)))
                    .map(LatencySamples::label).orElse(id);
            String checkId = EndpointVerdict.checkId(id);
            if (verdicts.containsKey(id)) {
                results.add(withColdStart(verdicts.get(id), coldStarts.get(id)).toCheckResult());
            } else if (!measured(now, id)) {
                results.add(CheckResult.error(checkId, EndpointVerdict.KIND, label,
                        label + ": no current latency samples to compare with the baseline"));
            } else if (measured(before, id)) {
                results.add(CheckResult.error(checkId, EndpointVerdict.KIND, label, label + ": "
                        + before.get(id).size() + " baseline and " + now.get(id).size()
                        + " current samples are too few to compare: drift is measured between at least three rounds"));
            } else {
                // the samples stay in the record: the deploy history keeps this release's numbers
                results.add(CheckResult.warn(checkId, EndpointVerdict.KIND, label,
                        label + ": no baseline samples to compare with; the next baseline will have them")
                        .withMetrics(Map.of(LatencyMetrics.CURRENT_MS, now.get(id).ms())));
            }
        }
        spec.budgets().forEach((id, limits) -> {
            LatencySamples current = now.get(id);
            results.add(LatencyBudget.check(current != null ? current : new LatencySamples(id, id, List.of()), limits));
        });
        return results;
    }

    /** A cold start is told in the line when it was large, and in the numbers always. */
    private static EndpointVerdict withColdStart(EndpointVerdict v, ColdStart cold) {
        if (cold == null) {
            return v;
        }
        EndpointVerdict out = v.withMetric("warmup_thrown_away", cold.thrownAway())
                .withMetric("cold_start_slowdown", cold.slowdown());
        return cold.large() ? out.withSummary(out.summary() + "; " + cold.line()) : out;
    }

    /** Both sides measured, with at least three rounds between them: drift is measured between rounds. */
    private static boolean comparable(LatencySpec spec, Map<String, LatencySamples> before,
            Map<String, LatencySamples> now, String id) {
        return measured(before, id) && measured(now, id) && Rounds.count(before.get(id).size(), spec.effectiveRoundSize())
                + Rounds.count(now.get(id).size(), spec.effectiveRoundSize()) >= 3;
    }

    private static boolean measured(Map<String, LatencySamples> side, String id) {
        return side.containsKey(id) && side.get(id).size() > 0;
    }

    static Map<String, LatencySamples> byId(List<LatencySamples> samples) {
        Map<String, LatencySamples> map = new LinkedHashMap<>();
        for (LatencySamples s : samples) {
            if (map.putIfAbsent(s.endpointId(), s) != null) {
                throw new IllegalArgumentException("samples of \"" + s.endpointId() + "\" given twice");
            }
        }
        return map;
    }

    private static List<String> concat(List<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
