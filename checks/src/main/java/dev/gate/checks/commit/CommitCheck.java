package dev.gate.checks.commit;

import dev.gate.checks.Check;
import dev.gate.checks.CheckContext;
import dev.gate.checks.CheckResult;
import dev.gate.checks.time.Durations;
import dev.gate.checks.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Is the expected commit live on every key page? Waits for the rollout to converge and says, when
 * it does not, what each page served instead.
 */
public final class CommitCheck implements Check {
    public static final String ID = "commit";
    public static final String KIND = "commit";

    private final CommitConvergence convergence;
    private final CommitMarker marker;
    private final CommitId expected;
    private final Optional<CommitId> previous;
    private final CommitRoles roles;
    private final ConvergeSpec spec;
    private final int locations;

    /**
     * @param previous the commit live before the deploy, from the baseline, to label it in messages
     */
    public CommitCheck(CommitMarker marker, List<String> locations, ConvergeSpec spec,
                       CommitId expected, Optional<CommitId> previous) {
        this(marker, locations, spec, expected, previous, CommitRoles.AFTER_DEPLOY);
    }

    /**
     * @param roles how messages name {@code expected} and {@code previous}: after a deploy, the
     *              new release and the one before it; after a rollback, the previous release and
     *              the blocked one it should have replaced
     */
    public CommitCheck(CommitMarker marker, List<String> locations, ConvergeSpec spec,
                       CommitId expected, Optional<CommitId> previous, CommitRoles roles) {
        this.roles = roles;
        this.convergence = new CommitConvergence(marker, locations, spec);
        this.marker = marker;
        this.expected = expected;
        this.previous = previous;
        this.spec = spec;
        this.locations = locations.size();
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String name() {
        return "commit " + expected.shortHex() + " live (" + marker.describe() + ")";
    }

    @Override
    public CheckResult run(CheckContext context) throws InterruptedException {
        return find(context).result();
    }

    /** The result for people, and the typed outcome the runner and the rollback decide on. */
    public record Finding(CheckResult result, CommitOutcome outcome) {
    }

    public Finding find(CheckContext context) throws InterruptedException {
        Convergence c = converge(context);
        return new Finding(toResult(c), new CommitOutcome(c.liveness(), c.observed(), previous.or(c::servedBefore)));
    }

    /** What is known when the check could not run at all. */
    public Finding unknown(CheckResult error) {
        return new Finding(error, CommitOutcome.unknown(previous));
    }

    public Convergence converge(CheckContext context) throws InterruptedException {
        return convergence.await(expected, context, ID);
    }

    public CheckResult toResult(Convergence c) {
        CommitDistribution distribution = new CommitDistribution(expected, previous.or(c::servedBefore), roles);
        StaleLayer layers = new StaleLayer(expected, spec.instanceHeader());
        List<String> details = new ArrayList<>();
        for (LocationTally tally : c.tallies()) {
            details.add(distribution.describe(tally) + layers.of(tally).filter(d -> d.layer() != StaleLayer.Layer.UNKNOWN)
                    .map(StaleLayer.Diagnosis::ending).orElse(""));
            if (!c.converged()) {
                tally.commits().keySet().stream().filter(hex -> !new CommitId(hex).sameCommitAs(expected))
                        .filter(hex -> !tally.servedBy(hex).lastHeaders().isEmpty())
                        .forEach(hex -> details.add(tally.location() + ": the responses that served " + new CommitId(hex).shortHex()
                                + " came with " + tally.servedBy(hex).headersLine()));
            }
        }
        String name = name();
        if (c.converged() && !c.staleToUsers().isEmpty()) {
            return staleToUsers(c, name, details);
        }
        Status status = c.converged() ? Status.PASS : Status.FAIL;
        Optional<StaleLayer.Diagnosis> worst = c.converged() ? Optional.empty() : layers.of(firstMixed(c));
        Optional<StaleLayer.Diagnosis> cache = c.tallies().stream().map(layers::of).flatMap(Optional::stream)
                .filter(d -> d.layer() == StaleLayer.Layer.EDGE_CACHE).findFirst();
        String summary = summary(c, distribution, layers);
        Map<String, Object> metrics = metrics(c);
        worst.ifPresent(d -> metrics.put("stale_layer", d.layer().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        return new CheckResult(ID, KIND, name, status, summary, details, metrics, List.of(),
                playbook(c, cache.isPresent()), c.elapsed());
    }

    /** Live for the gate's busted reads, and still the old page for a user's plain request. */
    private CheckResult staleToUsers(Convergence c, String name, List<String> details) {
        List<String> lines = c.staleToUsers().stream().map(p -> p.location() + ": served " + p.commit().shortHex()
                + previous.or(c::servedBefore).filter(p.commit()::sameCommitAs).map(x -> " (" + roles.other() + ")").orElse("")
                + " to a plain request" + p.headers() + ", though the release is live: "
                + (p.servedBy().fromCache() ? "a cache keyed on the full URL" : "a cache keyed on the full URL, or an instance the busted reads missed,")
                + " holds the old page; purge "
                + p.location()).toList();
        List<String> all = new ArrayList<>(details);
        all.addAll(lines);
        Map<String, Object> metrics = metrics(c);
        metrics.put("stale_layer", "edge-cache");
        metrics.put("stale_to_users", c.staleToUsers().size());
        String more = lines.size() > 1 ? " (and " + (lines.size() - 1) + " more key page" + (lines.size() > 2 ? "s" : "") + ")" : "";
        return new CheckResult(ID, KIND, name, Status.FAIL, lines.get(0) + more, all, metrics, List.of(),
                "stale-instance", c.elapsed());
    }

    private String summary(Convergence c, CommitDistribution distribution, StaleLayer layers) {
        String after = Durations.format(spec.timeout());
        switch (c.liveness()) {
            case LIVE:
                return expected.shortHex() + " is live on " + locations + (locations == 1 ? " location" : " locations")
                        + " (" + spec.consecutive() + " rounds in a row, " + Durations.format(c.elapsed()) + ")";
            case PARTLY_LIVE:
                LocationTally worst = firstMixed(c);
                return expected.shortHex() + " is only partly live after " + after + ": " + distribution.describe(worst)
                        + layers.of(worst).map(StaleLayer.Diagnosis::ending).orElse(": some responses fail: an instance is unhealthy");
            case NEVER_LIVE:
                // a cache that ignores the gate's cache-busting hides a release that may be live behind it
                for (LocationTally tally : c.tallies()) {
                    Optional<StaleLayer.Diagnosis> d = layers.of(tally).filter(x -> x.layer() == StaleLayer.Layer.EDGE_CACHE);
                    if (d.isPresent()) {
                        return "no response in " + after + " served " + expected.shortHex() + ", but a cache answered: "
                                + distribution.describe(tally) + d.get().ending();
                    }
                }
                return roles.neverLive() + "no response in " + after + " served "
                        + expected.shortHex() + "; " + distribution.describe(c.tallies().get(0));
            default:
                return "could not read the commit from the site for " + after + ": "
                        + distribution.describe(c.tallies().get(0));
        }
    }

    /** The location that served the expected commit least often: where to look first. */
    private LocationTally firstMixed(Convergence c) {
        return c.tallies().stream()
                .min(java.util.Comparator.comparingDouble(t -> t.servedCount(expected) / (double) Math.max(1, t.total())))
                .orElse(c.tallies().get(0));
    }

    private static String playbook(Convergence c, boolean cacheHoldsAnOldRelease) {
        return switch (c.liveness()) {
            case LIVE -> "";
            case PARTLY_LIVE -> "stale-instance";
            case NEVER_LIVE -> cacheHoldsAnOldRelease ? "stale-instance" : "commit-not-live";
            default -> "commit-not-live";
        };
    }

    private Map<String, Object> metrics(Convergence c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("liveness", c.liveness().name());
        m.put("rounds", c.rounds());
        m.put("expected_commit", expected.hex());
        c.observed().ifPresent(o -> m.put("observed_commit", o.hex()));
        c.servedBefore().ifPresent(o -> m.put("served_before", o.hex()));
        m.put("elapsed_ms", c.elapsed().toMillis());
        return m;
    }
}
