package dev.gate.checks.commit;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of waiting for a rollout.
 *
 * @param observed        the commit the site served most often at the end (the expected one when live)
 * @param servedBefore    the first other commit seen before the expected one appeared: the release
 *                        that was live before, when no baseline says so
 * @param tallies         per location, what was served over all rounds
 */
public record Convergence(
        CommitId expected,
        Liveness liveness,
        int rounds,
        Duration elapsed,
        Optional<CommitId> observed,
        Optional<CommitId> servedBefore,
        List<LocationTally> tallies,
        List<PlainRead> staleToUsers) {

    /**
     * @param staleToUsers once live, the key pages a plain request (as a user's, without the
     *                     cache-buster) was still served another commit for: a cache keyed on the full URL
     */
    public Convergence {
        tallies = List.copyOf(tallies);
        staleToUsers = List.copyOf(staleToUsers);
    }

    public Convergence withStaleToUsers(List<PlainRead> stale) {
        return new Convergence(expected, liveness, rounds, elapsed, observed, servedBefore, tallies, stale);
    }

    public boolean converged() {
        return liveness == Liveness.LIVE;
    }
}
