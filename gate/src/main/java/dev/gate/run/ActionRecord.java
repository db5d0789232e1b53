package dev.gate.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Something the gate did (or meant to do) after the verdict: a rollback, a post-mortem, a sound.
 *
 * @param outcome {@code intended} (written before acting), {@code succeeded}, {@code failed} or {@code skipped}
 */
public record ActionRecord(
        String kind,
        String outcome,
        Instant at,
        String summary,
        List<String> details,
        Map<String, String> data) {

    /** The kind of the rollback's records. */
    public static final String ROLLBACK = "rollback";

    public ActionRecord {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(at);
        Objects.requireNonNull(summary);
        details = details == null ? List.of() : List.copyOf(details);
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
