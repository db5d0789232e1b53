package dev.gate.checks.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Says in one line what a location served:
 * {@code /p/1: 2 of 6 responses served 1a2b3c4 (previous), 4 served 9f8e7d6 (expected)}, the
 * releases tagged by their {@link CommitRoles}.
 */
public final class CommitDistribution {
    private final CommitId expected;
    private final Optional<CommitId> previous;
    private final CommitRoles roles;

    public CommitDistribution(CommitId expected, Optional<CommitId> previous, CommitRoles roles) {
        this.expected = expected;
        this.previous = previous;
        this.roles = roles;
    }

    public String describe(LocationTally tally) {
        List<String> parts = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, Integer> e : tally.commits().entrySet()) {
            CommitId commit = new CommitId(e.getKey());
            String served = first ? " responses served " : " served ";
            parts.add(e.getValue() + served + commit.shortHex() + label(commit));
            first = false;
        }
        for (Map.Entry<String, Integer> e : tally.problems().entrySet()) {
            parts.add(e.getValue() + (first ? " responses failed: " : " failed: ") + e.getKey());
            first = false;
        }
        String list = String.join(", ", parts);
        return tally.location() + ": " + prefixTotal(list, tally.total());
    }

    /** "2 responses served x, 4 served y" becomes "2 of 6 responses served x, 4 served y". */
    private static String prefixTotal(String list, int total) {
        int space = list.indexOf(' ');
        if (space < 0) {
            return list;
        }
        return list.substring(0, space) + " of " + total + list.substring(space);
    }

    private String label(CommitId commit) {
        if (commit.sameCommitAs(expected)) {
            return " (" + roles.expected() + ")";
        }
        if (previous.isPresent() && commit.sameCommitAs(previous.get())) {
            return " (" + roles.other() + ")";
        }
        return "";
    }
}
