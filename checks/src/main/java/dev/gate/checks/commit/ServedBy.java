package dev.gate.checks.commit;

import dev.gate.checks.Redactor;
import dev.gate.checks.http.ProbeResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which layer answered one convergence response, as its headers tell: the cache headers CDNs and
 * proxies add, and the instance that served it when the suite names the header that says so
 * ({@code commit.instance_header}). Values come from the site, so each is masked, then cut.
 *
 * @param cacheHeaders the {@link #CACHE_HEADERS} the response carried, by their names as listed
 */
public record ServedBy(Map<String, String> cacheHeaders, Optional<String> instance) {
    /** The headers with which CDNs and caching proxies say where an answer came from. */
    public static final List<String> CACHE_HEADERS = List.of("Age", "X-Cache", "CF-Cache-Status", "X-Cache-Status",
            "X-Served-By", "Via", "Server-Timing");
    /** The headers whose value says whether the answer was a hit, in the order a line names them. */
    static final List<String> HIT_HEADERS = List.of("X-Cache", "CF-Cache-Status", "X-Cache-Status", "Server-Timing");
    public static final ServedBy NOTHING = new ServedBy(Map.of(), Optional.empty());
    /** A header value longer than this is cut: the line stays one line. */
    static final int MAX_VALUE = 80;
    private static final Pattern HIT = Pattern.compile("\\b(HIT|STALE|UPDATING)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SERVER_TIMING_HIT = Pattern.compile("desc=\"?(HIT|STALE)", Pattern.CASE_INSENSITIVE);

    public ServedBy {
        cacheHeaders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cacheHeaders));
        instance = instance == null ? Optional.empty() : instance;
    }

    public static ServedBy of(ProbeResponse response, Optional<String> instanceHeader, Redactor redactor) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : CACHE_HEADERS) {
            List<String> values = response.headers().get(name);
            if (values != null && !values.isEmpty()) {
                headers.put(name, redactor.cut(String.join(", ", values), MAX_VALUE));
            }
        }
        Optional<String> instance = instanceHeader.flatMap(response::header).map(String::trim).filter(v -> !v.isEmpty())
                .map(v -> redactor.cut(v, MAX_VALUE));
        return new ServedBy(headers, instance);
    }

    /** The seconds the answer spent in a cache, from {@code Age}. */
    public OptionalLong age() {
        String age = cacheHeaders.get("Age");
        if (age == null || !age.trim().matches("\\d{1,12}")) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(age.trim()));
    }

    /** The first header that says the answer was a cache hit, as {@code X-Cache: HIT}. */
    public Optional<String> hit() {
        for (String name : HIT_HEADERS) {
            String value = cacheHeaders.get(name);
            if (value == null) {
                continue;
            }
            Matcher m = (name.equals("Server-Timing") ? SERVER_TIMING_HIT : HIT).matcher(value);
            if (m.find()) {
                return Optional.of(name + ": " + m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** Whether a cache answered: a header says hit, or the answer has an age. */
    public boolean fromCache() {
        return hit().isPresent() || age().orElse(0) > 0;
    }
}
