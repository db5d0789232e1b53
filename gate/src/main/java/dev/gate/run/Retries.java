package dev.gate.run;

import dev.gate.suite.Suite;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the runner tries a check again: how many times, per check id, and how long it waits first.
 * Only checks the suite names (pages and APIs) are retried; the commit check polls on its own and
 * latency is a stage, decided from all its samples at once.
 *
 * @param byId  per check id, the attempts after the first; ids not in it are run once
 * @param pause the wait before each further attempt, so a draining instance has left the pool
 */
public record Retries(Map<String, Integer> byId, Duration pause) {
    /** Long enough for a load balancer to stop sending to a dying instance, short beside a page render. */
    public static final Duration PAUSE = Duration.ofMillis(500);
    /** Every check runs once: for the rollback's confirmation and the baseline, which judge nothing twice. */
    public static final Retries NONE = new Retries(Map.of(), PAUSE);

    public Retries {
        byId = Map.copyOf(byId);
        Objects.requireNonNull(pause, "pause");
    }

    /** The suite's retries, with the standard pause. */
    public static Retries of(Suite suite) {
        return new Retries(suite.retries(), PAUSE);
    }

    /** How many times the check of this id may be tried again. */
    public int of(String id) {
        return byId.getOrDefault(id, 0);
    }
}
