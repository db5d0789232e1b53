package dev.gate.run;

import dev.gate.checks.Artifact;
import dev.gate.checks.CheckResult;
import dev.gate.checks.Status;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A {@link CheckResult} as it is written in {@code result.json}. */
public record CheckRecord(
        String id,
        String kind,
        String name,
        Status status,
        String summary,
        List<String> details,
        Map<String, Object> metrics,
        List<Artifact> artifacts,
        String playbook,
        long durationMs) {

    public CheckRecord {
        details = details == null ? List.of() : List.copyOf(details);
        metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        playbook = playbook == null ? "" : playbook;
    }

    public static CheckRecord of(CheckResult r) {
        return new CheckRecord(r.id(), r.kind(), r.name(), r.status(), r.summary(), r.details(), r.metrics(),
                r.artifacts(), r.playbook(), r.duration().toMillis());
    }

    public CheckResult toResult() {
        return new CheckResult(id, kind, name, status, summary, details, metrics, artifacts, playbook,
                Duration.ofMillis(durationMs));
    }
}
