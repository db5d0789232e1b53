package dev.gate.checks.metric;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The suite's {@code metrics:}: where the team's Prometheus is, how long the windows before and
 * after the deploy are, the step of their points, and the queries.
 *
 * @param headers sent with every request (a bearer token); their values are secrets
 */
public record MetricsSpec(Optional<URI> prometheus, Map<String, String> headers, Duration before, Duration after,
                          Duration step, List<MetricQuery> queries) {
    public static final Duration DEFAULT_BEFORE = Duration.ofMinutes(30);
    public static final Duration DEFAULT_AFTER = Duration.ofMinutes(5);
    public static final Duration DEFAULT_STEP = Duration.ofSeconds(15);
    /** A suite without {@code metrics:}. */
    public static final MetricsSpec NONE = new MetricsSpec(Optional.empty(), Map.of(), DEFAULT_BEFORE, DEFAULT_AFTER,
            DEFAULT_STEP, List.of());

    public MetricsSpec {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        queries = List.copyOf(queries);
    }

    public boolean enabled() {
        return prometheus.isPresent() && !queries.isEmpty();
    }
}
