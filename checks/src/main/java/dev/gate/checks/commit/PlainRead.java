package dev.gate.checks.commit;

/**
 * A key page read once the release converged, as a user asks for it: no cache-buster, no
 * {@code no-cache}, so a cache keyed on the full URL answers it from its store.
 *
 * @param commit   the commit the page served
 * @param servedBy the layer that answered, from its headers
 */
public record PlainRead(String location, CommitId commit, ServedBy servedBy) {
    /** The line's ending: what answered and what to do, as {@code with X-Cache: HIT, Age 1843 s}. */
    String headers() {
        String hit = servedBy.hit().map(h -> " with " + h).orElse("");
        String age = servedBy.age().isPresent() ? (hit.isEmpty() ? " with " : ", ") + "Age " + servedBy.age().getAsLong() + " s" : "";
        return hit + age;
    }
}
