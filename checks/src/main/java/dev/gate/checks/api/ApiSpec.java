package dev.gate.checks.api;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A key API call as the suite declares it: the request and what its response must satisfy.
 *
 * @param path        relative to the target, or an absolute URL
 * @param body        the request body; YAML structures arrive here already written as JSON
 * @param contentType the body's type when the suite implied one ({@code application/json})
 * @param maxBody     the most bytes of the answer read, on the wire and decoded; more fails the call
 * @param session     sent with the cookies of the session the suite's {@code login:} made
 *                    ({@code auth: session})
 */
public record ApiSpec(
        String id,
        String method,
        String path,
        Map<String, String> query,
        Map<String, String> headers,
        Optional<String> body,
        Optional<String> contentType,
        Expect expect,
        long maxBody,
        boolean session) {

    public ApiSpec {
        Objects.requireNonNull(id);
        Objects.requireNonNull(method);
        Objects.requireNonNull(path);
        query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body);
        Objects.requireNonNull(contentType);
        Objects.requireNonNull(expect);
        if (maxBody <= 0) {
            throw new IllegalArgumentException("maxBody must be positive, got " + maxBody);
        }
    }

    /** A call sent without the session. */
    public ApiSpec(String id, String method, String path, Map<String, String> query, Map<String, String> headers,
                   Optional<String> body, Optional<String> contentType, Expect expect, long maxBody) {
        this(id, method, path, query, headers, body, contentType, expect, maxBody, false);
    }

    /**
     * The same call with one more header; a {@code Cookie} the suite already sends is kept, and
     * the new cookies follow it.
     */
    public ApiSpec withCookies(String cookieHeader) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        String existing = more.keySet().stream().filter(k -> k.equalsIgnoreCase("Cookie")).findFirst().orElse("Cookie");
        String before = more.getOrDefault(existing, "");
        more.put(existing, before.isEmpty() ? cookieHeader : before + "; " + cookieHeader);
        return new ApiSpec(id, method, path, query, more, body, contentType, expect, maxBody, session);
    }

    public String describe() {
        return method + " " + path;
    }

    /**
     * @param statuses     accepted statuses; a class such as {@code 2xx} is expanded
     * @param headers      header name to the value it must have (exact, or a regex)
     * @param json         GPath expression to its expected value (String, Number, Boolean, or null)
     * @param exists       GPath expressions that must have a value
     * @param absent       GPath expressions that must have none
     * @param bodyContains strings the body must contain
     * @param maxTime      a time budget for the whole call
     */
    public record Expect(
            StatusSet statuses,
            Map<String, ValueMatch> headers,
            Map<String, Optional<Object>> json,
            List<String> exists,
            List<String> absent,
            List<String> bodyContains,
            Optional<Duration> maxTime) {

        public Expect {
            Objects.requireNonNull(statuses);
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            json = Collections.unmodifiableMap(new LinkedHashMap<>(json));
            exists = List.copyOf(exists);
            absent = List.copyOf(absent);
            bodyContains = List.copyOf(bodyContains);
            Objects.requireNonNull(maxTime);
        }
    }

    /** Accepted statuses, as written: {@code 200}, {@code [200, 204]}, {@code 2xx}. */
    public record StatusSet(Set<Integer> codes, String written) {
        public StatusSet {
            codes = Set.copyOf(codes);
            Objects.requireNonNull(written);
        }

        public boolean accepts(int status) {
            return codes.contains(status);
        }
    }

    /** A header value: exactly this, or (written {@code /regex/}) matching this. */
    public record ValueMatch(String exact, Optional<Pattern> regex) {
        public boolean matches(String value) {
            return regex.map(r -> r.matcher(value).find()).orElse(exact.equals(value));
        }

        public String describe() {
            return regex.map(r -> "/" + r.pattern() + "/").orElse("\"" + exact + "\"");
        }
    }
}
