package dev.gate.suite;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many times each page and API check is tried again after a failure that may pass: its own
 * {@code retries}, else the suite's, else {@value #DEFAULT}. Collected while the entries are read,
 * like their {@link Ids}.
 */
final class RetryCounts {
    /** One more look: enough for a reset connection or one 502 from a draining load balancer. */
    static final int DEFAULT = 1;
    /** More would keep a broken release in front of users for minutes before it is rolled back. */
    static final int MAX = 5;

    private final int suiteDefault;
    private final Map<String, Integer> byId = new LinkedHashMap<>();

    private RetryCounts(int suiteDefault) {
        this.suiteDefault = suiteDefault;
    }

    /** The suite's top-level {@code retries}, the default of every entry. */
    static RetryCounts of(SuiteNode top) {
        return new RetryCounts(top.get("retries").flatMap(RetryCounts::count).orElse(DEFAULT));
    }

    /** Reads an entry's {@code retries}, keeping it under the entry's id. */
    void read(SuiteNode entry, String id) {
        byId.put(id, entry.get("retries").flatMap(RetryCounts::count).orElse(suiteDefault));
    }

    Map<String, Integer> byId() {
        return Map.copyOf(byId);
    }

    private static Optional<Integer> count(SuiteNode node) {
        return node.integer(0, MAX);
    }
}
