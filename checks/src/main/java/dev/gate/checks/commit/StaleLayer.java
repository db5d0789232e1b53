package dev.gate.checks.commit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Which layer holds an old release at one location, from who served the responses that carried
 * it: a cache (most of them say hit, or have an {@code Age}), one instance or a few (the suite's
 * {@code commit.instance_header} names them), or, without either sign, "an instance or a cache".
 * The person then purges the page or takes the instance out, instead of guessing.
 */
public final class StaleLayer {
    /** The layer a diagnosis names. */
    public enum Layer { EDGE_CACHE, INSTANCE, UNKNOWN }

    /**
     * @param evidence appended to the location's distribution, such as {@code " with X-Cache: HIT, Age up to 1843 s"}
     * @param advice   what holds the old release and what to do, such as {@code "an edge cache holds the old page; purge /p/42"}
     */
    public record Diagnosis(Layer layer, String evidence, String advice) {
        /** The distribution line's ending: the evidence, then the advice. */
        public String ending() {
            return evidence + ": " + advice;
        }
    }

    private final CommitId expected;
    private final Optional<String> instanceHeader;

    public StaleLayer(CommitId expected, Optional<String> instanceHeader) {
        this.expected = expected;
        this.instanceHeader = instanceHeader;
    }

    /** Empty when the location served no commit but the expected one. */
    public Optional<Diagnosis> of(LocationTally tally) {
        Optional<Map.Entry<String, Integer>> stale = tally.commits().entrySet().stream()
                .filter(e -> !new CommitId(e.getKey()).sameCommitAs(expected))
                .max(Map.Entry.comparingByValue());
        if (stale.isEmpty()) {
            return Optional.empty();
        }
        CommitId old = new CommitId(stale.get().getKey());
        ServedByTally by = tally.servedBy(old.hex());
        if (by.responses() > 0 && by.fromCache() * 2 > by.responses()) {
            return Optional.of(new Diagnosis(Layer.EDGE_CACHE, cacheEvidence(by),
                    "an edge cache holds the old page; purge " + tally.location()));
        }
        if (instanceHeader.isPresent() && !by.instances().isEmpty()) {
            return Optional.of(new Diagnosis(Layer.INSTANCE, "", instances(by, old, tally.total())));
        }
        String unnamed = instanceHeader.map(h -> " (its responses carry no " + h + " header)").orElse("");
        return Optional.of(new Diagnosis(Layer.UNKNOWN, "", "an instance or a cache is stale" + unnamed));
    }

    private static String cacheEvidence(ServedByTally by) {
        List<String> parts = new ArrayList<>();
        by.commonHit().ifPresent(parts::add);
        OptionalLong age = by.maxAge();
        if (age.isPresent() && age.getAsLong() > 0) {
            parts.add("Age up to " + age.getAsLong() + " s");
        }
        return parts.isEmpty() ? "" : " with " + String.join(", ", parts);
    }

    private static String instances(ServedByTally by, CommitId old, int total) {
        List<Map.Entry<String, Integer>> named = by.instances().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).toList();
        int stale = named.stream().mapToInt(Map.Entry::getValue).sum();
        String of = " (" + stale + " of " + total + " responses)";
        if (named.size() == 1) {
            return "instance " + named.get(0).getKey() + " still serves " + old.shortHex() + of;
        }
        List<String> each = named.stream().limit(5).map(e -> e.getKey() + " (" + e.getValue() + ")").toList();
        return "instances " + String.join(", ", each) + (named.size() > 5 ? " and " + (named.size() - 5) + " more" : "")
                + " still serve " + old.shortHex() + of;
    }
}
