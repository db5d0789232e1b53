package dev.gate.checks.latency;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request to time: a key page's HTML document, or a key API call as the suite declares it.
 *
 * @param label how people name it: {@code GET /api/list}
 */
public record LatencyEndpoint(String id, String label, String method, URI uri, Map<String, String> headers,
                              Optional<String> body) {
    public LatencyEndpoint {
        Objects.requireNonNull(id);
        Objects.requireNonNull(label);
        Objects.requireNonNull(method);
        Objects.requireNonNull(uri);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body);
    }
}
