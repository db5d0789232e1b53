package dev.gate.baseline;

import java.util.List;

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
}
