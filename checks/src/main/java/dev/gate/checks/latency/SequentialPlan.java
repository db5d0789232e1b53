package dev.gate.checks.latency;

import dev.gate.checks.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sequential sampling of the current release: look at {@code samples} current samples, and while an
 * endpoint is still open take more samples, up to {@code max_samples}. The baseline is what it
 * is (the old release is gone); only the current side grows.
 *
 * <p>Each look compares the one-sided p-value of the test across rounds ({@link RoundTest}) with
 * that look's share of the false-block rate ({@link AlphaSpending}), so an unchanged release is
 * blocked at most 1 − confidence of the time over all looks together. With several endpoints that rate is first split evenly among them
 * (Bonferroni: Holm's step-down needs every endpoint's final p-value at once, which sequential
 * stopping does not give).
 *
 * <p>An endpoint is sampled again exactly when it is not blocked and the upper end of its ratio
 * interval is still above 1 + min_effect: a slowdown worth blocking for has not been ruled out. So sampling stops early both when an endpoint is clearly slow (blocked) and when it
 * is clearly fine (the interval rules out min_effect). At the last look the ordinary rule of
 * {@link LatencyRule} decides.
 */
public final class SequentialPlan {
    /** More looks spend alpha more thinly and cost the sampler more rounds. */
    static final int MOST_LOOKS = 8;

    private final List<Integer> sizes;
    private final double alpha;
    private final LatencySpec spec;
    /** Computing the levels integrates numerically; plans with the same looks share them. */
    private static final Map<String, double[]> LEVELS = new ConcurrentHashMap<>();

    /**
     * @param sizes      the number of current samples at each look, increasing
     * @param alpha      the false-block rate to keep, for one endpoint
     * @param spec       the bars each look is judged against, and the interval's coverage
     */
    public SequentialPlan(List<Integer> sizes, double alpha, LatencySpec spec) {
        if (sizes.isEmpty()) {
            throw new IllegalArgumentException("a sequential plan needs at least one look");
        }
        for (int k = 0; k < sizes.size(); k++) {
            if (sizes.get(k) < 1 || (k > 0 && sizes.get(k) <= sizes.get(k - 1))) {
                throw new IllegalArgumentException("look sizes must be positive and increasing, got " + sizes);
            }
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be between 0 and 1, got " + alpha);
        }
        this.sizes = List.copyOf(sizes);
        this.alpha = alpha;
        this.spec = spec;
    }

    /**
     * The plan for a suite: looks evenly spaced from {@code samples} to {@code max_samples}, about one
     * round of {@code samples} apart and at most {@value #MOST_LOOKS}; one look when they are equal.
     *
     * @param endpoints how many endpoints are compared in the run, to share the false-block rate
     */
    public static SequentialPlan of(LatencySpec spec, int endpoints) {
        int first = spec.samples();
        int last = Math.max(first, spec.maxSamples());
        int looks = (int) Math.min(MOST_LOOKS, Math.ceil((double) last / first));
        List<Integer> sizes = new ArrayList<>();
        for (int k = 0; k < looks; k++) {
            int size = looks == 1 ? first : (int) Math.round(first + (double) (last - first) * k / (looks - 1));
            if (sizes.isEmpty() || size > sizes.get(sizes.size() - 1)) {
                sizes.add(size);
            }
        }
        return new SequentialPlan(sizes, (1 - spec.confidence()) / Math.max(1, endpoints), spec);
    }

    public List<Integer> sizes() {
        return sizes;
    }

    public int looks() {
        return sizes.size();
    }

    /** Current samples wanted by look {@code look}. */
    public int size(int look) {
        return sizes.get(look);
    }

    public double alpha() {
        return alpha;
    }

    /** The p-value must be below this at look {@code look} to count as slower. */
    public double level(int look, int baselineSize) {
        return levels(baselineSize)[look];
    }

    /**
     * Decides, or asks for more samples, at look {@code look}. The current samples may be a few short
     * of {@link #size(int)} (failed requests); the test uses what there is and the plan's levels.
     */
    public LookDecision decide(int look, LatencySamples baseline, LatencySamples current) {
        return decide(look, baseline, current, SessionDrift.NONE);
    }

    /** The same, with the drift between sessions counted in the comparison's uncertainty. */
    public LookDecision decide(int look, LatencySamples baseline, LatencySamples current, SessionDrift drift) {
        if (look < 0 || look >= looks()) {
            throw new IllegalArgumentException("look " + look + " of a plan with " + looks() + " looks");
        }
        LatencyStats stats = LatencyComparison.measure(baseline, current, spec.confidence(), spec.effectiveRoundSize(),
                drift);
        double level = level(look, baseline.size());
        EndpointVerdict verdict = LatencyRule.judge(stats, stats.test().pValue(), level, spec);
        boolean last = look == looks() - 1;
        LookDecision.Next next;
        if (verdict.finding() == LatencyFinding.WORTH_BLOCKING) {
            next = LookDecision.Next.BLOCK;
        } else if (!last && verdict.finding() != LatencyFinding.UNDER_FLOOR
                && stats.ratio().high() > 1 + spec.minEffect()) {
            next = LookDecision.Next.CONTINUE;
        } else {
            next = LookDecision.Next.DECIDED;
        }
        verdict = verdict.withDetail(String.format(Locale.ROOT,
                "sequential look %d of %d at %d current samples: p had to be below %s (%s spread over the looks)",
                look + 1, looks(), current.size(), LatencyLine.pValue(level), LatencyLine.pValue(alpha)));
        return new LookDecision(next, verdict, look);
    }

    private double[] levels(int baselineSize) {
        if (baselineSize < 1) {
            throw new IllegalArgumentException("no baseline samples");
        }
        return LEVELS.computeIfAbsent(sizes + "/" + alpha + "/" + baselineSize, key -> {
            int m = baselineSize;
            if (looks() == 1) {
                return new double[] {alpha};
            }
            double[] information = new double[looks()];
            for (int k = 0; k < looks(); k++) {
                information[k] = 1 / (1.0 / m + 1.0 / sizes.get(k));
            }
            return AlphaSpending.levels(information, alpha);
        });
    }
}
