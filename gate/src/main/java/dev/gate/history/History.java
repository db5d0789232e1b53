package dev.gate.history;

import dev.gate.suite.HistorySpec;

import dev.gate.checks.Redactor;
import dev.gate.checks.trend.DeployPoint;
import dev.gate.checks.trend.EndpointTrend;
import dev.gate.checks.trend.Tripwire;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deploy history as a run uses it: what normal is before the run (for the trip-wire and the
 * latency decision's drift between sessions), and the run recorded after its record is written. A
 * history that cannot be reached never changes a verdict: it is a line that says so, and the run
 * goes on without it, deciding as it would with no history.
 */
public final class History {
    private final HistorySpec spec;
    private final Path cwd;
    private final Duration timeout;
    private final Redactor redactor;

    /**
     * @param cwd      the folder the default SQLite file is under
     * @param timeout  how long connecting and each statement may take
     * @param redactor the suite's, for the messages: a database password never shows
     */
    public History(HistorySpec spec, Path cwd, Duration timeout, Redactor redactor) {
        this.spec = spec;
        this.cwd = cwd;
        this.timeout = timeout;
        this.redactor = redactor.with(spec.password().map(java.util.Set::of).orElse(java.util.Set.of()));
    }

    public boolean enabled() {
        return spec.enabled();
    }

    /** The database as lines name it. */
    public String where() {
        return redactor.redact(spec.describe(cwd));
    }

    /**
     * The endpoints' medians in the suite's deploys that passed, oldest first, up to
     * {@link Tripwire#SEARCH_DEPLOYS}; or, when the history cannot be read, why.
     */
    public EndpointTrend trend(String suite, List<String> endpointIds) {
        if (!spec.enabled()) {
            return EndpointTrend.unavailable("the history is turned off (history: off)");
        }
        try (HistoryDatabase db = HistoryDatabase.open(spec, cwd, timeout)) {
            List<Deploy> deploys = new HistoryStore(db, timeout).deploys(suite, Tripwire.SEARCH_DEPLOYS * 3, false);
            Map<String, List<DeployPoint>> points = new LinkedHashMap<>();
            for (String id : endpointIds) {
                List<DeployPoint> series = new ArrayList<>();
                for (Deploy d : deploys) {
                    EndpointStats s = d.endpoints().get(id);
                    if (d.passed() && s != null && d.commit().isPresent()) {
                        series.add(new DeployPoint(d.commit().get(), d.previousCommit(), d.subject(), d.finishedAt(),
                                s.medianMs(), s.p95Ms(), s.n(), s.logSd()));
                    }
                }
                points.put(id, series.subList(Math.max(0, series.size() - Tripwire.SEARCH_DEPLOYS), series.size()));
            }
            return new EndpointTrend(points, Optional.empty());
        } catch (HistoryException e) {
            return EndpointTrend.unavailable(message("could not read the deploy history", e));
        }
    }

    /**
     * Records one run.
     *
     * @return the line to show: where it was recorded, or why it was not
     */
    public Recorded record(RunEntry entry) {
        if (!spec.enabled()) {
            return new Recorded(false, "history: off; this run is not recorded");
        }
        try (HistoryDatabase db = HistoryDatabase.open(spec, cwd, timeout)) {
            new HistoryStore(db, timeout).record(entry);
            return new Recorded(true, "history: recorded this " + entry.kind().word() + " in " + where());
        } catch (HistoryException e) {
            return new Recorded(false, message("could not record this run in the deploy history", e) + "; the verdict stands");
        }
    }

    /** What recording did, as one line. */
    public record Recorded(boolean ok, String line) {
    }

    private String message(String what, HistoryException e) {
        return redactor.cut(what + " at " + e.where() + ": " + e.getMessage(), 400);
    }
}
