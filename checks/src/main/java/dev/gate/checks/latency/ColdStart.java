package dev.gate.checks.latency;

import java.util.Locale;

/**
 * What warming an endpoint up showed.
 *
 * @param thrownAway requests made and not counted
 * @param slowdown   the first few requests' median over the median once warm; 1 when too few were
 *                   made to tell
 */
public record ColdStart(int thrownAway, double slowdown) {
    /** Slower than this at first is worth telling a person: a new worker paying for its start. */
    static final double WORTH_SAYING = 1.5;

    public static final ColdStart NONE = new ColdStart(0, 1);

    public boolean large() {
        return slowdown >= WORTH_SAYING;
    }

    /** {@code first 15 requests were 2.3× slower: cold start} */
    public String line() {
        return String.format(Locale.ROOT, "first %d requests were %s× slower: cold start", thrownAway,
                LatencyLine.ratio(slowdown));
    }
}
