package dev.gate.checks.latency;

import java.util.List;

/**
 * How far an endpoint's median moves from one session to the next for reasons that are not the
 * release — another generation of workers, another neighbour on the host, a cache warmed
 * differently — as the endpoint's earlier deploys measured it. Rounds within one session cannot see
 * this: every round of a verify shares its session's level. So an unchanged release, compared
 * with a baseline taken in another session, can differ by this much more than its rounds show, and
 * it adds to the comparison's variance.
 *
 * @param logSpread the standard deviation of the difference between two sessions' log levels,
 *                  beyond the sampling noise of their medians
 * @param deploys   how many earlier deploys it was measured over; 0 when it is not known
 * @param earlier   the levels of those deploys' sessions, oldest first: what {@link SessionPool} may
 *                  pool the baseline with
 */
public record SessionDrift(double logSpread, int deploys, List<SessionLevel> earlier) {
    /** Nothing known beyond this run: the rounds alone measure the uncertainty. */
    public static final SessionDrift NONE = new SessionDrift(0, 0);

    /** A drift without the earlier sessions' levels: the baseline is the only reference. */
    public SessionDrift(double logSpread, int deploys) {
        this(logSpread, deploys, List.of());
    }

    public SessionDrift {
        earlier = List.copyOf(earlier);
        if (!(logSpread >= 0) || Double.isInfinite(logSpread)) {
            throw new IllegalArgumentException("a spread must be finite and not negative: " + logSpread);
        }
        if (deploys < 0) {
            throw new IllegalArgumentException("deploys must not be negative: " + deploys);
        }
    }

    public boolean known() {
        return deploys > 0;
    }

    /**
     * η²: the variance of one session's level beyond sampling. {@link #logSpread} is of the
     * difference between two independent sessions, 2η².
     */
    public double sessionVariance() {
        return logSpread * logSpread / 2;
    }

    /**
     * Degrees of freedom of the spread: {@code deploys - 1} differences between neighbours, worth
     * about 37% as many as a standard deviation of them would be, for the median absolute
     * deviation is that efficient on normal data (the price of ignoring the deploy that really
     * changed the level); at least 2.
     */
    int degreesOfFreedom() {
        return Math.max(2, (int) Math.round(0.37 * (deploys - 1)));
    }
}
