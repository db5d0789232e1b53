package dev.gate.checks.trend;

import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import dev.gate.checks.latency.LatencySamples;
import dev.gate.checks.latency.Quantiles;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trip-wire on one latency endpoint: is the live median a few robust standard deviations
 * above the medians of the last deploys that passed? Robust, because one slow deploy in the
 * history must not move what normal is: the centre is the median, the spread 1.4826 × the median
 * absolute deviation, with a floor so that a history that repeats itself does not trip on a
 * millisecond's wiggle. When it trips, it says at which deploys the level stepped up.
 */
public final class Tripwire {
    public static final String KIND = "tripwire";
    public static final String PLAYBOOK = "latency-creep";
    /** A quiet trip-wire's numbers ride on the latency result under this prefix, for the report's trend. */
    public static final String METRIC_PREFIX = "tripwire_";
    /** The spread is at least this share of the normal median… */
    static final double MIN_SPREAD_RATIO = 0.03;
    /** …and at least this many milliseconds. */
    static final double MIN_SPREAD_MS = 0.5;
    /** How far back the change-point search looks, beyond the deploys normal is taken from. */
    public static final int SEARCH_DEPLOYS = 100;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final TripwireSpec spec;
    private final double minDeltaMs;

    /** @param minDeltaMs the latency rule's floor: a rise smaller than this never trips */
    public Tripwire(TripwireSpec spec, double minDeltaMs) {
        this.spec = spec;
        this.minDeltaMs = minDeltaMs;
    }

    /**
     * @param history the endpoint's earlier deploys that passed, oldest first (up to
     *                {@link #SEARCH_DEPLOYS}); normal is taken from the last {@code deploys}
     * @param current the live release's samples
     */
    public CheckResult judge(LatencySamples current, List<DeployPoint> history) {
        String id = current.endpointId() + "-tripwire";
        String label = current.label();
        double now = Quantiles.median(current.values());
        List<DeployPoint> recent = history.subList(Math.max(0, history.size() - spec.deploys()), history.size());
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("current_median_ms", round(now));
        metrics.put("history_median_ms", recent.stream().map(p -> round(p.medianMs())).toList());
        metrics.put("history_p95_ms", recent.stream().map(p -> round(p.p95Ms())).toList());
        metrics.put("history_deploys", recent.size());
        if (recent.size() < TripwireSpec.MIN_DEPLOYS) {
            return CheckResult.pass(id, KIND, label, label + ": not judged against earlier deploys yet: "
                    + recent.size() + " in the history, " + TripwireSpec.MIN_DEPLOYS + " needed")
                    .withMetrics(metrics).withPlaybook(PLAYBOOK);
        }
        double[] medians = recent.stream().mapToDouble(DeployPoint::medianMs).toArray();
        double normal = Quantiles.median(medians);
        double spread = Math.max(Quantiles.robustSpread(medians), Math.max(MIN_SPREAD_RATIO * normal, MIN_SPREAD_MS));
        double z = (now - normal) / spread;
        metrics.put("normal_median_ms", round(normal));
        metrics.put("spread_ms", round(spread));
        metrics.put("sigma", Math.round(z * 10) / 10.0);
        String against = "its last " + recent.size() + " deploys (" + ms(normal) + ")";
        boolean trips = z > spec.sigma() && now - normal >= minDeltaMs;
        if (!trips) {
            return CheckResult.pass(id, KIND, label, label + ": median " + ms(now) + " is "
                    + (z >= 0 ? String.format(Locale.ROOT, "%.1fσ above ", z) : String.format(Locale.ROOT, "%.1fσ below ", -z))
                    + against + "; trips above " + String.format(Locale.ROOT, "%.0fσ", spec.sigma()))
                    .withMetrics(metrics).withPlaybook(PLAYBOOK);
        }
        List<String> details = new ArrayList<>();
        String where = whereItRose(history, now, details);
        String summary = label + ": median " + ms(now) + " is " + String.format(Locale.ROOT, "%.1fσ", z) + " above "
                + against + "; " + where;
        Status status = spec.action().status();
        return CheckResult.of(id, KIND, label, status, summary).withDetails(details).withMetrics(metrics)
                .withPlaybook(PLAYBOOK);
    }

    /** The deploys at which the level stepped up, searched over the longer history and this run. */
    private static String whereItRose(List<DeployPoint> history, double now, List<String> details) {
        double[] series = new double[history.size() + 1];
        for (int i = 0; i < history.size(); i++) {
            series[i] = history.get(i).medianMs();
        }
        series[history.size()] = now;
        List<ChangePoints.Step> ups = ChangePoints.of(series).stream().filter(ChangePoints.Step::up).toList();
        if (ups.isEmpty()) {
            DeployPoint first = history.get(0);
            details.add("no single deploy stepped it up: it crept from " + ms(first.medianMs()) + " at " + first.shortCommit()
                    + " (" + DAY.format(first.at()) + ") over " + history.size() + " deploys");
            return "no single deploy stepped it up: it crept up over the last " + history.size() + " deploys";
        }
        List<String> named = new ArrayList<>();
        for (ChangePoints.Step step : ups) {
            String pct = String.format(Locale.ROOT, "+%.0f%%", (step.ratio() - 1) * 100);
            if (step.index() == history.size()) {
                named.add("this deploy (" + pct + ")");
                details.add("stepped up " + pct + " with this deploy");
                continue;
            }
            DeployPoint p = history.get(step.index());
            named.add(p.shortCommit() + " (" + pct + ", " + DAY.format(p.at()) + ")");
            details.add("stepped up " + pct + " at the deploy of " + p.commit()
                    + p.previous().map(prev -> " (commits " + shortOf(prev) + ".." + p.shortCommit() + ")").orElse("")
                    + " on " + DAY.format(p.at()) + p.subject().map(s -> ": " + s).orElse(""));
        }
        return "it rose at " + join(named);
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    private static String shortOf(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }

    private static String ms(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f ms", v) : String.format(Locale.ROOT, "%.1f ms", v);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
