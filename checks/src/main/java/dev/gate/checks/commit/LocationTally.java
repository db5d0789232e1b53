package dev.gate.checks.commit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one location (a key page, or the version endpoint) served over all polling rounds: how
 * often each commit, and how often no commit could be read, with the reasons.
 *
 * @param commits  full hex of each commit seen, with its count, in order of first sighting
 * @param problems each distinct reason no commit was read, with its count
 * @param servedBy per commit (full hex), who served the responses that carried it: caches, instances
 */
public record LocationTally(String location, Map<String, Integer> commits, Map<String, Integer> problems,
                            Map<String, ServedByTally> servedBy) {

    public LocationTally {
        commits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(commits));
        problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
        servedBy = servedBy == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(servedBy));
    }

    public LocationTally(String location, Map<String, Integer> commits, Map<String, Integer> problems) {
        this(location, commits, problems, Map.of());
    }

    /** Who served the responses that carried {@code hex}. */
    public ServedByTally servedBy(String hex) {
        return servedBy.getOrDefault(hex, ServedByTally.NONE);
    }

    public int total() {
        return commits.values().stream().mapToInt(Integer::intValue).sum()
                + problems.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int servedCount(CommitId commit) {
        return commits.entrySet().stream()
                .filter(e -> new CommitId(e.getKey()).sameCommitAs(commit))
                .mapToInt(Map.Entry::getValue)
                .sum();
    }

    public boolean allServed(CommitId commit) {
        return servedCount(commit) == total();
    }

    public List<String> commitHexes() {
        return List.copyOf(commits.keySet());
    }
}
