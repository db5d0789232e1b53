package dev.gate.git;

import java.time.Instant;
import java.util.List;

/**
 * One commit between two releases, as a post-mortem lists it.
 *
 * @param files changed paths with their kind of change ({@code M src/app.js}); for a merge, what it
 *              brought in relative to its first parent
 */
public record ChangedCommit(String shortSha, String author, Instant date, String subject, List<String> files,
                            boolean merge, int moreFiles) {
    public ChangedCommit {
        files = List.copyOf(files);
    }
}
