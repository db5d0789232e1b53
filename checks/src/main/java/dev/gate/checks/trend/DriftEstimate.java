package dev.gate.checks.trend;

import dev.gate.checks.latency.Quantiles;
import dev.gate.checks.latency.SessionDrift;
import dev.gate.checks.latency.SessionLevel;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far an endpoint's median moves from one deploy's session to the next, from the history.
 * Each deploy that passed measured the endpoint in a session of its own; the difference between
 * neighbours' log medians is what comparing two sessions of much the same code gives. Their spread
 * is robust (1.4826 × the median absolute deviation), so the one deploy that really changed the
 * level is one outlying difference, not a wider normal; less the medians' own sampling noise, which
 * the rounds of the run being decided measure already.
 */
public final class DriftEstimate {
    private DriftEstimate() {
    }

    /**
     * @param history the endpoint's earlier deploys that passed, oldest first
     * @param deploys how many of the last ones to measure over
     * @return {@link SessionDrift#NONE} with fewer than {@link TripwireSpec#MIN_DEPLOYS} deploys
     */
    public static SessionDrift of(List<DeployPoint> history, int deploys) {
        // a history row is read back from a database: what cannot be a latency is left out, not trusted
        List<DeployPoint> measured = history.stream().filter(p -> p.medianMs() > 0 && Double.isFinite(p.medianMs())
                && Double.isFinite(p.logMedianVariance())).toList();
        List<DeployPoint> recent = measured.subList(Math.max(0, measured.size() - deploys), measured.size());
        if (recent.size() < TripwireSpec.MIN_DEPLOYS) {
            return SessionDrift.NONE;
        }
        double[] steps = new double[recent.size() - 1];
        for (int i = 1; i < recent.size(); i++) {
            steps[i - 1] = Math.log(recent.get(i).medianMs()) - Math.log(recent.get(i - 1).medianMs());
        }
        double spread = Quantiles.robustSpread(steps);
        // each difference also holds both medians' sampling noise, which this run's rounds measure
        // for themselves: only what is left over is drift between sessions
        double sampling = 0;
        for (int i = 1; i < recent.size(); i++) {
            sampling += recent.get(i).logMedianVariance() + recent.get(i - 1).logMedianVariance();
        }
        sampling /= steps.length;
        double drift = Math.sqrt(Math.max(0, spread * spread - sampling));
        List<SessionLevel> earlier = recent.stream()
                .map(p -> new SessionLevel(Math.log(p.medianMs()), p.logMedianVariance())).toList();
        return Double.isFinite(drift) ? new SessionDrift(drift, recent.size(), earlier) : SessionDrift.NONE;
    }

    /** The drift of each of {@code endpointIds} that the history has enough deploys of. */
    public static Map<String, SessionDrift> of(EndpointTrend trend, Collection<String> endpointIds, int deploys) {
        Map<String, SessionDrift> drifts = new LinkedHashMap<>();
        for (String id : endpointIds) {
            SessionDrift d = of(trend.of(id), deploys);
            if (d.known()) {
                drifts.put(id, d);
            }
        }
        return drifts;
    }
}
