package dev.gate.history;

import java.util.Map;
import java.util.Optional;

/**
 * One key page in one run, as the history keeps it.
 *
 * @param byType transferred bytes and request counts by resource type ({@code script},
 *               {@code stylesheet}, {@code image}, {@code font}, {@code fetch}, {@code other})
 */
public record PageStats(String pageId, Optional<Long> bytes, Optional<Integer> requests, Optional<Double> lcpMs,
                        Optional<Integer> domNodes, Map<String, ResourceWeight> byType) {
    public PageStats {
        byType = Map.copyOf(byType);
    }

    /** What one type of resource weighed on a page. */
    public record ResourceWeight(long bytes, int requests) {
    }
}
