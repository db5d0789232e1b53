package dev.gate.checks.commit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the responses that served one commit at one location said about who served them: how many
 * came from a cache, the oldest {@code Age}, the hit headers and the instances, with their counts.
 * Bounded: at most {@value #MAX_NAMES} distinct hit values and instances are kept, the rest counted as one.
 *
 * @param lastHeaders the cache headers of the latest of these responses, as evidence to show
 */
public record ServedByTally(int responses, int fromCache, OptionalLong maxAge, Map<String, Integer> hits,
                            Map<String, Integer> instances, Map<String, String> lastHeaders) {
    static final int MAX_NAMES = 32;
    static final String OTHERS = "others";
    public static final ServedByTally NONE = new ServedByTally(0, 0, OptionalLong.empty(), Map.of(), Map.of(), Map.of());

    public ServedByTally {
        hits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hits));
        instances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instances));
        lastHeaders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lastHeaders));
    }

    /** This tally with one more response. */
    public ServedByTally plus(ServedBy s) {
        Map<String, Integer> h = new LinkedHashMap<>(hits);
        s.hit().ifPresent(v -> count(h, v));
        Map<String, Integer> i = new LinkedHashMap<>(instances);
        s.instance().ifPresent(v -> count(i, v));
        OptionalLong age = s.age();
        OptionalLong oldest = age.isPresent() && (maxAge.isEmpty() || age.getAsLong() > maxAge.getAsLong()) ? age : maxAge;
        return new ServedByTally(responses + 1, fromCache + (s.fromCache() ? 1 : 0), oldest, h, i,
                s.cacheHeaders().isEmpty() ? lastHeaders : s.cacheHeaders());
    }

    private static void count(Map<String, Integer> counts, String name) {
        String key = counts.containsKey(name) || counts.size() < MAX_NAMES ? name : OTHERS;
        counts.merge(key, 1, Integer::sum);
    }

    /** The latest cache headers as one line, such as {@code Age: 1843, X-Cache: HIT, Via: 1.1 varnish}. */
    public String headersLine() {
        return String.join(", ", lastHeaders.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    }

    /** The hit header most responses carried, as {@code X-Cache: HIT}. */
    public java.util.Optional<String> commonHit() {
        return hits.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }
}
