package dev.gate.run;

import dev.gate.checks.latency.LatencySamples;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Latency samples of one endpoint, in milliseconds, in the order they were taken.
 *
 * @param totalMs from sending the request to the last byte of the body
 * @param ttfbMs  from sending the request to the response headers
 */
public record EndpointSamples(String id, String method, String url, List<Double> totalMs, List<Double> ttfbMs) {
    public EndpointSamples {
        totalMs = totalMs == null ? List.of() : List.copyOf(totalMs);
        ttfbMs = ttfbMs == null ? List.of() : List.copyOf(ttfbMs);
    }

    /**
     * The samples as the latency decision compares them; empty when there are none. They are
     * matched by id; the url gives only the label's path, so a url whose secret a baseline holds
     * masked ({@code ?key=•••}) serves as well, and one that no longer parses is shown as it is.
     */
    public Optional<LatencySamples> forDecision() {
        return totalMs.isEmpty() ? Optional.empty() : Optional.of(new LatencySamples(id, label(), totalMs));
    }

    private String label() {
        try {
            return LatencyStage.label(method, URI.create(url));
        } catch (IllegalArgumentException notAUri) {
            return method + " " + url;
        }
    }
}
