package dev.gate.checks.trend;

import dev.gate.checks.Severity;

/**
 * The trip-wire on each latency endpoint: the live median against the medians of the last
 * {@code deploys} deploys that passed.
 *
 * @param sigma  how many robust standard deviations above normal trip it
 * @param action what a trip does: WARN (the default) or BLOCK; IGNORE turns the trip-wire off
 */
public record TripwireSpec(int deploys, double sigma, Severity action) {
    public static final TripwireSpec DEFAULT = new TripwireSpec(20, 3.0, Severity.WARN);
    /** Fewer deploys than this are too few to say what normal is. */
    public static final int MIN_DEPLOYS = 5;

    public boolean enabled() {
        return action != Severity.IGNORE;
    }
}
