package dev.gate.suite;

import dev.gate.text.Closest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gate.checks.api.ApiSpec;
import dev.gate.checks.http.BodyReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code apis:}, the key API calls. */
final class ApisReader {
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Pattern STATUS_CLASS = Pattern.compile("([1-5])xx", Pattern.CASE_INSENSITIVE);
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ApisReader() {
    }

    /** @param hasLogin whether the suite has a {@code login:}, which {@code auth: session} needs */
    static List<ApiSpec> read(SuiteNode list, Ids ids, RetryCounts retries, boolean hasLogin) {
        List<ApiSpec> apis = new ArrayList<>();
        for (SuiteNode entry : list.items(false)) {
            if (!entry.expectMap()) {
                continue;
            }
            String id = ids.claim(entry);
            retries.read(entry, id);
            Optional<SuiteNode> request = entry.get("request");
            String method = "GET";
            String path = "/";
            Map<String, String> query = Map.of();
            Map<String, String> headers = Map.of();
            Optional<String> body = Optional.empty();
            Optional<String> contentType = Optional.empty();
            if (request.isEmpty()) {
                entry.problem("missing \"request\", such as { method: GET, path: /api/health }");
            } else if (request.get().expectMap()) {
                SuiteNode r = request.get();
                method = r.get("method").flatMap(ApisReader::method).orElse("GET");
                path = r.get("path").flatMap(PagesReader::path).orElse("/");
                if (!r.has("path")) {
                    r.problem("missing \"path\", such as /api/health");
                }
                query = stringMap(r.get("query"));
                headers = stringMap(r.get("headers"));
                Optional<SuiteNode> b = r.get("body");
                if (b.isPresent()) {
                    if (b.get().isMap() || b.get().isList()) {
                        body = Optional.of(toJson(b.get()).toString());
                        contentType = Optional.of("application/json");
                    } else {
                        body = b.get().text();
                    }
                }
                r.rejectUnknownKeys();
            }
            ApiSpec.Expect expect = entry.get("expect").map(ApisReader::expect).orElse(defaultExpect());
            long maxBody = entry.get("max_body").flatMap(SuiteNode::size).orElse(BodyReader.DEFAULT_MAX_BYTES);
            Optional<SuiteNode> authNode = entry.get("auth");
            boolean session = authNode.flatMap(n -> n.oneOf(ApiAuth.class)).isPresent();
            if (session && !hasLogin) {
                authNode.get().problem("auth: session sends the cookies of the suite's login, "
                        + "and the suite has none: add a \"login:\" with the steps that sign in");
            }
            entry.rejectUnknownKeys();
            apis.add(new ApiSpec(id, method, path, query, headers, body, contentType, expect, maxBody, session));
        }
        return apis;
    }

    /** Written {@code auth: session}: the call is sent with the login's session cookies. */
    enum ApiAuth {
        SESSION
    }

    private static ApiSpec.Expect defaultExpect() {
        return new ApiSpec.Expect(statusClass(2), Map.of(), Map.of(), List.of(), List.of(), List.of(), Optional.empty());
    }

    private static Optional<String> method(SuiteNode node) {
        return node.text().flatMap(t -> {
            String m = t.trim().toUpperCase(Locale.ROOT);
            if (!METHODS.contains(m)) {
                node.problem("unknown HTTP method \"" + t + "\"" + Closest.hint(m, METHODS));
                return Optional.empty();
            }
            return Optional.of(m);
        });
    }

    private static Map<String, String> stringMap(Optional<SuiteNode> node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.ifPresent(n -> n.entries().forEach((k, v) -> v.text().ifPresent(t -> out.put(k, t))));
        return out;
    }

    private static ApiSpec.Expect expect(SuiteNode e) {
        if (!e.expectMap()) {
            return defaultExpect();
        }
        ApiSpec.StatusSet statuses = e.get("status").map(ApisReader::statuses).orElse(statusClass(2));
        Map<String, ApiSpec.ValueMatch> headers = new LinkedHashMap<>();
        e.get("headers").ifPresent(h -> h.entries().forEach((k, v) -> v.text().ifPresent(t -> headers.put(k, valueMatch(v, t)))));
        Map<String, Optional<Object>> json = new LinkedHashMap<>();
        e.get("json").ifPresent(j -> j.entries().forEach((k, v) -> {
            if (v.isMap() || v.isList()) {
                v.problem("expected a single value (string, number, true, false or null); "
                        + "to test a list's length write \"" + k + ".size()\": 3");
            } else {
                json.put(k, v.typedValue());
            }
        }));
        List<String> exists = e.get("exists").map(SuiteNode::strings).orElse(List.of());
        List<String> absent = e.get("absent").map(SuiteNode::strings).orElse(List.of());
        List<String> contains = e.get("body_contains").map(SuiteNode::strings).orElse(List.of());
        Optional<Duration> max = e.get("max_ms").flatMap(ApisReader::millis);
        e.rejectUnknownKeys();
        return new ApiSpec.Expect(statuses, headers, json, exists, absent, contains, max);
    }

    /** {@code max_ms: 500} is milliseconds; a duration such as {@code 2s} is accepted too. */
    private static Optional<Duration> millis(SuiteNode node) {
        Optional<Object> v = node.typedValue();
        if (v.isPresent() && v.get() instanceof Long ms) {
            if (ms <= 0) {
                node.problem("must be more than 0, got " + ms);
                return Optional.empty();
            }
            return Optional.of(Duration.ofMillis(ms));
        }
        return v.isPresent() ? node.duration() : Optional.empty();
    }

    private static ApiSpec.ValueMatch valueMatch(SuiteNode node, String t) {
        if (t.length() >= 2 && t.startsWith("/") && t.endsWith("/")) {
            try {
                return new ApiSpec.ValueMatch(t, Optional.of(Pattern.compile(t.substring(1, t.length() - 1))));
            } catch (java.util.regex.PatternSyntaxException ex) {
                node.problem("invalid regular expression: " + ex.getDescription());
            }
        }
        return new ApiSpec.ValueMatch(t, Optional.empty());
    }

    private static ApiSpec.StatusSet statuses(SuiteNode node) {
        Set<Integer> codes = new LinkedHashSet<>();
        List<String> written = new ArrayList<>();
        for (SuiteNode item : node.items(true)) {
            item.text().ifPresent(t -> {
                String v = t.trim();
                Matcher m = STATUS_CLASS.matcher(v);
                if (m.matches()) {
                    codes.addAll(statusClass(Integer.parseInt(m.group(1))).codes());
                    written.add(v.toLowerCase(Locale.ROOT));
                    return;
                }
                try {
                    int code = Integer.parseInt(v);
                    if (code < 100 || code > 599) {
                        item.problem("status must be between 100 and 599, got " + code);
                    } else {
                        codes.add(code);
                        written.add(v);
                    }
                } catch (NumberFormatException ex) {
                    item.problem("expected a status such as 200 or a class such as 2xx, got \"" + v + "\"");
                }
            });
        }
        if (codes.isEmpty()) {
            return statusClass(2);
        }
        return new ApiSpec.StatusSet(codes, String.join(" or ", written));
    }

    private static ApiSpec.StatusSet statusClass(int hundreds) {
        Set<Integer> codes = new LinkedHashSet<>();
        for (int c = hundreds * 100; c < hundreds * 100 + 100; c++) {
            codes.add(c);
        }
        return new ApiSpec.StatusSet(codes, hundreds + "xx");
    }

    /** A YAML structure as JSON, with {@code ${env:...}} substituted in its strings. */
    private static JsonNode toJson(SuiteNode node) {
        if (node.isMap()) {
            ObjectNode o = JSON.objectNode();
            node.entries().forEach((k, v) -> o.set(k, toJson(v)));
            return o;
        }
        if (node.isList()) {
            ArrayNode a = JSON.arrayNode();
            node.items(false).forEach(i -> a.add(toJson(i)));
            return a;
        }
        Optional<Object> v = node.typedValue();
        if (v.isEmpty()) {
            return JSON.nullNode();
        }
        Object value = v.get();
        if (value instanceof Long l) {
            return JSON.numberNode(l);
        }
        if (value instanceof Double d) {
            return JSON.numberNode(d);
        }
        if (value instanceof Boolean b) {
            return JSON.booleanNode(b);
        }
        return JSON.textNode(value.toString());
    }
}
