package dev.gate.checks.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** API specs for tests, written the way a suite reads: {@code get("/api/health").status(200)}. */
final class ApiSpecBuilder {
    private final String method;
    private final String path;
    private String id = "health";
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private Optional<String> body = Optional.empty();
    private Optional<String> contentType = Optional.empty();
    private ApiSpec.StatusSet statuses = statusClass(2);
    private final Map<String, ApiSpec.ValueMatch> expectHeaders = new LinkedHashMap<>();
    private final Map<String, Optional<Object>> json = new LinkedHashMap<>();
    private final List<String> exists = new ArrayList<>();
    private final List<String> absent = new ArrayList<>();
    private final List<String> contains = new ArrayList<>();
    private Optional<Duration> maxTime = Optional.empty();
    private long maxBody = dev.gate.checks.http.BodyReader.DEFAULT_MAX_BYTES;

    private ApiSpecBuilder(String method, String path) {
        this.method = method;
        this.path = path;
    }

    static ApiSpecBuilder get(String path) {
        return new ApiSpecBuilder("GET", path);
    }

    static ApiSpecBuilder post(String path) {
        return new ApiSpecBuilder("POST", path);
    }

    static ApiSpecBuilder request(String method, String path) {
        return new ApiSpecBuilder(method, path);
    }

    ApiSpecBuilder id(String newId) {
        id = newId;
        return this;
    }

    ApiSpecBuilder query(String name, String value) {
        query.put(name, value);
        return this;
    }

    ApiSpecBuilder header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    ApiSpecBuilder body(String text) {
        body = Optional.of(text);
        return this;
    }

    ApiSpecBuilder body(String text, String type) {
        body = Optional.of(text);
        contentType = Optional.of(type);
        return this;
    }

    ApiSpecBuilder jsonBody(String text) {
        body = Optional.of(text);
        contentType = Optional.of("application/json");
        return this;
    }

    ApiSpecBuilder status(int... codes) {
        Set<Integer> set = new LinkedHashSet<>();
        List<String> written = new ArrayList<>();
        for (int c : codes) {
            set.add(c);
            written.add(String.valueOf(c));
        }
        statuses = new ApiSpec.StatusSet(set, String.join(" or ", written));
        return this;
    }

    ApiSpecBuilder statusClass(String written) {
        statuses = statusClass(Integer.parseInt(written.substring(0, 1)));
        return this;
    }

    /** Exact, or a regex when written {@code /like this/}, as the suite writes it. */
    ApiSpecBuilder expectHeader(String name, String written) {
        Optional<Pattern> regex = written.length() >= 2 && written.startsWith("/") && written.endsWith("/")
                ? Optional.of(Pattern.compile(written.substring(1, written.length() - 1))) : Optional.empty();
        expectHeaders.put(name, new ApiSpec.ValueMatch(written, regex));
        return this;
    }

    /** @param value a String, Long, Double or Boolean as YAML gives them, or null */
    ApiSpecBuilder json(String gpath, Object value) {
        json.put(gpath, Optional.ofNullable(value));
        return this;
    }

    ApiSpecBuilder exists(String gpath) {
        exists.add(gpath);
        return this;
    }

    ApiSpecBuilder absent(String gpath) {
        absent.add(gpath);
        return this;
    }

    ApiSpecBuilder contains(String text) {
        contains.add(text);
        return this;
    }

    ApiSpecBuilder maxMs(long ms) {
        maxTime = Optional.of(Duration.ofMillis(ms));
        return this;
    }

    ApiSpecBuilder maxBody(long bytes) {
        maxBody = bytes;
        return this;
    }

    ApiSpec build() {
        return new ApiSpec(id, method, path, query, headers, body, contentType,
                new ApiSpec.Expect(statuses, expectHeaders, json, exists, absent, contains, maxTime), maxBody);
    }

    ApiCheck check() {
        return new ApiCheck(build());
    }

    private static ApiSpec.StatusSet statusClass(int hundreds) {
        Set<Integer> codes = new LinkedHashSet<>();
        for (int c = hundreds * 100; c < hundreds * 100 + 100; c++) {
            codes.add(c);
        }
        return new ApiSpec.StatusSet(codes, hundreds + "xx");
    }
}
