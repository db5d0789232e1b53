package dev.gate.checks.latency;

import java.util.Locale;

/**
 * What warming an endpoint up showed.
 *
 * @param thrownAway requests made and not counted
 * @param slowdown   the first {@value WarmUp#BLOCK} requests' median over the last {@value WarmUp#BLOCK}'s; 1 when too few were
 *                   made to tell
 */
public record ColdStart(int thrownAway, double slowdown) {
    /** Slower than this at first is worth telling a person: a new worker paying for its start. */
    static final double WORTH_SAYING = 1.5;

    public boolean large() {
        return slowdown >= WORTH_SAYING;
    }

    /** {@code cold start: the first 5 requests were 2.30× slower than once warm (25 thrown away)} */
    public String line() {
        return String.format(Locale.ROOT, "cold start: the first %d requests were %s× slower than once warm (%d thrown away)",
                WarmUp.BLOCK, LatencyLine.ratio(slowdown), thrownAway);
    }
}
