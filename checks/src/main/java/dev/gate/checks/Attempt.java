package dev.gate.checks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One earlier attempt of a check the runner ran again: what it found, kept whole beside the
 * attempt that decided the result, so the evidence of a failure that then passed is not lost.
 *
 * @param duration how long the attempt took; {@code duration_ms} in a run record
 */
public record Attempt(
        Status status,
        String summary,
        List<String> details,
        Map<String, Object> metrics,
        List<Artifact> artifacts,
        @JsonProperty("duration_ms") @JsonFormat(shape = JsonFormat.Shape.NUMBER_INT, pattern = "MILLIS")
        Duration duration) {

    public Attempt {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(summary, "summary");
        details = details == null ? List.of() : List.copyOf(details);
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        duration = duration == null ? Duration.ZERO : duration;
    }

    /** What a result found, without the parts every attempt of one check shares (id, kind, name). */
    public static Attempt of(CheckResult result) {
        return new Attempt(result.status(), result.summary(), result.details(), result.metrics(), result.artifacts(),
                result.duration());
    }
}
