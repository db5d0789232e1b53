package dev.gate.checks.commit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What the responses that served one commit at one location said about who served them: how many
 * came from a cache, the oldest {@code Age}, the hit headers and the instances, with their counts.
 * Bounded: at most {@value #MAX_NAMES} distinct hit values and instances are kept, the rest counted as one.
 */
public record ServedByTally(int responses, int fromCache, OptionalLong maxAge, Map<String, Integer> hits,
                            Map<String, Integer> instances) {
    static final int MAX_NAMES = 32;
    static final String OTHERS = "others";
    public static final ServedByTally NONE = new ServedByTally(0, 0, OptionalLong.empty(), Map.of(), Map.of());

    public ServedByTally {
        hits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hits));
        instances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instances));
    }

    /** This tally with one more response. */
    public ServedByTally plus(ServedBy s) {
        Map<String, Integer> h = new LinkedHashMap<>(hits);
        s.hit().ifPresent(v -> count(h, v));
        Map<String, Integer> i = new LinkedHashMap<>(instances);
        s.instance().ifPresent(v -> count(i, v));
        OptionalLong age = s.age();
        OptionalLong oldest = age.isPresent() && (maxAge.isEmpty() || age.getAsLong() > maxAge.getAsLong()) ? age : maxAge;
        return new ServedByTally(responses + 1, fromCache + (s.fromCache() ? 1 : 0), oldest, h, i);
    }

    private static void count(Map<String, Integer> counts, String name) {
        String key = counts.containsKey(name) || counts.size() < MAX_NAMES ? name : OTHERS;
        counts.merge(key, 1, Integer::sum);
    }

    /** The hit header most responses carried, as {@code X-Cache: HIT}. */
    public java.util.Optional<String> commonHit() {
        return hits.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }
}
