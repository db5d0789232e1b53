package dev.gate.checks.api;

import dev.gate.checks.Redactor;
import dev.gate.checks.time.Durations;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Holds one response against everything its API declared and collects every expectation it
 * misses, one line each, in the order the suite wrote them: status first, then headers, JSON,
 * exists, absent, body text and time. The assertions are ours, over the extracted response,
 * rather than Rest Assured's {@code then()} matchers, whose failures carry the whole request
 * (headers included) in their message.
 */
final class ResponseAssertions {
    private static final JsonPathConfig NUMBERS_EXACT =
            new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    /** The name Rest Assured gives the document inside the script it compiles from an expression. */
    private static final String GPATH_ROOT = "restAssuredJsonRootObject.";
    private static final Pattern UNEXPECTED = Pattern.compile("Unexpected input: '(.*)' @ line");
    private static final Pattern NO_METHOD = Pattern.compile("^No signature of method: (?:[\\w.$]+\\.)?(\\w+)");

    private final String name;
    private final ApiSpec.Expect expect;
    private final Redactor redactor;

    /**
     * @param name     the call as people read it, {@code GET /api/health}, which starts every line
     * @param redactor masks what the answer shows before any of it is cut to fit a line
     */
    ResponseAssertions(String name, ApiSpec.Expect expect, Redactor redactor) {
        this.name = name;
        this.expect = expect;
        this.redactor = redactor;
    }

    List<String> failures(ApiResponse response) {
        List<String> out = new ArrayList<>();
        status(response).ifPresent(out::add);
        headers(response, out);
        json(response, out);
        String text = response.bodyText();
        for (String wanted : expect.bodyContains()) {
            if (!text.contains(wanted)) {
                out.add(name + ": the body does not contain \"" + wanted + "\"");
            }
        }
        expect.maxTime().ifPresent(budget -> {
            if (response.time().compareTo(budget) > 0) {
                out.add(name + ": took " + Durations.format(response.time()) + ", over the budget of "
                        + Durations.format(budget));
            }
        });
        return out;
    }

    private Optional<String> status(ApiResponse response) {
        if (expect.statuses().accepts(response.status())) {
            return Optional.empty();
        }
        String body = Snippet.of(response.bodyText(), Snippet.BODY_LIMIT, redactor);
        return Optional.of(name + " → " + response.status() + " (expected " + expect.statuses().written() + ")"
                + (body.isEmpty() ? "" : ": " + body));
    }

    private void headers(ApiResponse response, List<String> out) {
        expect.headers().forEach((header, match) -> {
            List<String> values = response.headerValues(header);
            if (values.isEmpty()) {
                out.add(name + ": header " + header + " is missing, expected " + match.describe());
            } else if (values.stream().noneMatch(match::matches)) {
                out.add(name + ": header " + header + " is \"" + Snippet.of(String.join(", ", values), 120, redactor)
                        + "\", expected " + match.describe());
            }
        });
    }

    private void json(ApiResponse response, List<String> out) {
        List<String> paths = Stream.of(expect.json().keySet(), expect.exists(), expect.absent())
                .flatMap(java.util.Collection::stream).distinct().toList();
        if (paths.isEmpty()) {
            return;
        }
        String text = response.bodyText();
        String cannot = ", cannot check " + String.join(", ", paths);
        if (text.isBlank()) {
            out.add(name + ": the body is empty" + cannot);
            return;
        }
        JsonPath json = new JsonPath(text).using(NUMBERS_EXACT);
        try {
            json.get("$");
        } catch (RuntimeException notJson) {
            String type = response.contentType().map(t -> "Content-Type " + t).orElse("no Content-Type");
            out.add(name + ": the body is not JSON (" + type + ")" + cannot + ": "
                    + Snippet.of(text, Snippet.BODY_LIMIT, redactor));
            return;
        }
        for (Map.Entry<String, Optional<Object>> e : expect.json().entrySet()) {
            evaluate(json, e.getKey(), out).ifPresent(actual -> {
                if (!JsonValues.matches(e.getValue(), actual.value())) {
                    out.add(name + ": " + e.getKey() + " is " + showFound(actual.value()) + ", expected "
                            + JsonValues.show(e.getValue(), redactor));
                }
            });
        }
        for (String path : expect.exists()) {
            evaluate(json, path, out).filter(found -> found.value() == null).ifPresent(found ->
                    out.add(name + ": expected " + path + " to exist, but it is null or missing"));
        }
        for (String path : expect.absent()) {
            evaluate(json, path, out).filter(found -> found.value() != null).ifPresent(found ->
                    out.add(name + ": expected " + path + " to be absent, but it is " + JsonValues.show(found.value(), redactor)));
        }
    }

    /** What an expression found; empty (and a failure noted) when it could not be evaluated. */
    private Optional<Found> evaluate(JsonPath json, String path, List<String> out) {
        try {
            return Optional.of(new Found(json.get(path)));
        } catch (RuntimeException e) {
            out.add(name + ": cannot evaluate " + path + ": " + whyNot(e));
            return Optional.empty();
        }
    }

    /** Rest Assured reports a syntax error as Groovy's compiler output over several lines; one will do. */
    private String whyNot(RuntimeException e) {
        // masked before its first line is taken: a cut at a line break is a cut too
        String message = redactor.redact(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        if (message.startsWith("Invalid JSON expression")) {
            Matcher m = UNEXPECTED.matcher(message);
            return "not a valid GPath expression" + (m.find() ? " (unexpected input: '"
                    + m.group(1).replace(GPATH_ROOT, "") + "')" : "");
        }
        Matcher method = NO_METHOD.matcher(message);
        if (method.find()) {
            return "the value there has no method " + method.group(1) + "()";
        }
        return Snippet.of(message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message), 200, redactor);
    }

    private String showFound(Object value) {
        return value == null ? "null or missing" : JsonValues.show(value, redactor);
    }

    /** A value found, which may be null: Optional cannot hold that. */
    private record Found(Object value) {
    }
}
