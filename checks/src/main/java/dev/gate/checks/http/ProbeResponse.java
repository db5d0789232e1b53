package dev.gate.checks.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP response as the probe saw it, its body decoded. The body is cut at the probe's limit ({@code truncated}
 * says so) so that a 50 MB page cannot exhaust memory.
 *
 * @param uri  the final URI, after redirects
 * @param ttfb from sending the request to the response headers
 */
public record ProbeResponse(
        URI uri, int status, Map<String, List<String>> headers, byte[] body, boolean truncated,
        Duration ttfb, Duration total) {

    public ProbeResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
