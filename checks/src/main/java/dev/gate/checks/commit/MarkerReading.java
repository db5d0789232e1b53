package dev.gate.checks.commit;

import java.util.Optional;

/**
 * What one response said about its commit: the commit, or why none could be read. An unreadable
 * marker is not a match: a page that lost its marker is not known to be the new release.
 *
 * @param answered whether the site answered at all (false: connection refused, timeout, TLS)
 * @param servedBy what the response's headers say about the cache or instance that answered
 */
public record MarkerReading(Optional<CommitId> commit, String problem, boolean answered, ServedBy servedBy) {

    public MarkerReading {
        servedBy = servedBy == null ? ServedBy.NOTHING : servedBy;
    }

    public MarkerReading(Optional<CommitId> commit, String problem, boolean answered) {
        this(commit, problem, answered, ServedBy.NOTHING);
    }

    /** This reading, with who served the response it was read from. */
    public MarkerReading withServedBy(ServedBy by) {
        return new MarkerReading(commit, problem, answered, by);
    }

    public static MarkerReading found(CommitId commit) {
        return new MarkerReading(Optional.of(commit), "", true);
    }

    /** The site answered, but without a readable commit. */
    public static MarkerReading missing(String problem) {
        return new MarkerReading(Optional.empty(), problem, true);
    }

    /** The request failed: no answer to read anything from. */
    public static MarkerReading unreachable(String problem) {
        return new MarkerReading(Optional.empty(), problem, false);
    }
}
