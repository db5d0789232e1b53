package dev.gate.history;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One deploy as the history read it back: a verification (or a merge of sharded ones) with its
 * endpoints' and pages' numbers.
 *
 * @param rollback {@code none}, {@code confirmed} or {@code not-confirmed}
 */
public record Deploy(String runId, Optional<String> commit, Optional<String> previousCommit, Optional<String> subject,
                     Optional<String> verdict, String rollback, String reason, Instant finishedAt,
                     Map<String, EndpointStats> endpoints, Map<String, PageStats> pages) {
    public Deploy {
        endpoints = Map.copyOf(endpoints);
        pages = Map.copyOf(pages);
    }

    /** Passed the gate and stayed live: what the trip-wire takes as normal. */
    public boolean passed() {
        return verdict.filter(v -> !v.equals("BLOCK")).isPresent() && rollback.equals("none");
    }

    public boolean blocked() {
        return verdict.filter(v -> v.equals("BLOCK")).isPresent();
    }

    public boolean rolledBack() {
        return !rollback.equals("none");
    }

    /** The commit's first seven characters, or a dash. */
    public String shortCommit() {
        return commit.map(c -> c.length() > 7 ? c.substring(0, 7) : c).orElse("-");
    }
}
