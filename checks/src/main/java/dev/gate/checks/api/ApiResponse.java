package dev.gate.checks.api;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API response, read whole and detached from the client that fetched it.
 *
 * @param headers response headers; names are case-insensitive
 * @param time    from sending the request to the last byte of the body
 */
public record ApiResponse(int status, Map<String, List<String>> headers, byte[] body, Duration time) {
    private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";]+)\"?", Pattern.CASE_INSENSITIVE);

    public ApiResponse {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.merge(k, List.copyOf(v), (a, b) -> {
            List<String> both = new java.util.ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        headers = Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    public Optional<String> contentType() {
        return headerValues("Content-Type").stream().findFirst();
    }

    /** The body as text, in the charset the response declares, UTF-8 when it declares none. */
    public String bodyText() {
        return new String(body, charset());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public int bytes() {
        return body.length;
    }

    private Charset charset() {
        Optional<String> type = contentType();
        if (type.isPresent()) {
            Matcher m = CHARSET.matcher(type.get());
            if (m.find()) {
                try {
                    return Charset.forName(m.group(1).trim());
                } catch (IllegalArgumentException unknown) {
                    // a charset this JVM does not know: UTF-8 is the best guess for an API
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
