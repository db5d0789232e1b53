package dev.gate.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gate.checks.Redactor;
import dev.gate.checks.commit.CommitId;
import dev.gate.checks.page.WeighedType;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every field of a baseline's JSON before it is used. A baseline is compared with only after
 * the probing, so a sample that is negative, NaN or not a number would otherwise be found then, and
 * end a healthy release's run in a rollback; found here, it is exit 2 with nothing probed.
 *
 * <p>It reads the tree, not the record: a "NaN" the JSON holds as a string, a null sample or a time
 * in another form are named with their field instead of surfacing as a mapping error.
 */
final class BaselineFields {
    /** Longer values are cut in the message: the line must stay one line. */
    private static final int SHOWN = 40;

    private BaselineFields() {
    }

    /** The first field that cannot be right, as {@code "field is value: why"}; empty when all are usable. */
    static Optional<String> firstProblem(JsonNode tree) {
        Optional<String> problem = takenAt(tree.path("taken_at"));
        problem = problem.or(() -> nonEmptyText("target", tree.path("target")));
        problem = problem.or(() -> liveCommit(tree.path("live_commit")));
        problem = problem.or(() -> each(tree, "endpoints", BaselineFields::endpoint));
        return problem.or(() -> each(tree, "pages", BaselineFields::page));
    }

    private interface Entry {
        Optional<String> problem(String where, JsonNode node);
    }

    private static Optional<String> each(JsonNode tree, String field, Entry entry) {
        JsonNode map = tree.path(field);
        if (map.isMissingNode() || map.isNull()) {
            return Optional.empty();
        }
        if (!map.isObject()) {
            return Optional.of(field + " is " + shown(map) + ": expected an object keyed by id");
        }
        for (Map.Entry<String, JsonNode> e : map.properties()) {
            String where = field + "." + e.getKey();
            Optional<String> problem = e.getValue().isObject() ? entry.problem(where, e.getValue())
                    : Optional.of(where + " is " + shown(e.getValue()) + ": expected an object");
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> endpoint(String where, JsonNode node) {
        return nonEmptyText(where + ".id", node.path("id"))
                .or(() -> nonEmptyText(where + ".method", node.path("method")))
                .or(() -> nonEmptyText(where + ".url", node.path("url")))
                .or(() -> latencies(where + ".total_ms", node.path("total_ms")))
                .or(() -> latencies(where + ".ttfb_ms", node.path("ttfb_ms")));
    }

    private static Optional<String> latencies(String where, JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return Optional.empty();
        }
        if (!list.isArray()) {
            return Optional.of(where + " is " + shown(list) + ": expected a list of milliseconds");
        }
        for (int i = 0; i < list.size(); i++) {
            Optional<String> problem = measure(where + "[" + i + "]", list.get(i), "a latency");
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> page(String where, JsonNode node) {
        Optional<String> problem = nonEmptyText(where + ".id", node.path("id"))
                .or(() -> nonEmptyText(where + ".url", node.path("url")));
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode assets = node.path("assets");
        if (!assets.isMissingNode() && !assets.isNull()) {
            if (!assets.isArray()) {
                return Optional.of(where + ".assets is " + shown(assets) + ": expected a list of URLs");
            }
            for (int i = 0; i < assets.size(); i++) {
                problem = nonEmptyText(where + ".assets[" + i + "]", assets.get(i));
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        problem = assetWeights(where + ".asset_weights", node.path("asset_weights"));
        if (problem.isPresent()) {
            return problem;
        }
        JsonNode metrics = node.path("metrics");
        if (metrics.isMissingNode() || metrics.isNull()) {
            return Optional.empty();
        }
        if (!metrics.isObject()) {
            return Optional.of(where + ".metrics is " + shown(metrics) + ": expected an object of numbers");
        }
        for (Map.Entry<String, JsonNode> m : metrics.properties()) {
            problem = measure(where + ".metrics." + m.getKey(), m.getValue(), "a page's timing or size");
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> assetWeights(String where, JsonNode list) {
        if (list.isMissingNode() || list.isNull()) {
            return Optional.empty();
        }
        if (!list.isArray()) {
            return Optional.of(where + " is " + shown(list) + ": expected a list of {path, type, bytes}");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = where + "[" + i + "]";
            JsonNode a = list.get(i);
            Optional<String> problem = nonEmptyText(at + ".path", a.path("path"))
                    .or(() -> weighedType(at + ".type", a.path("type")))
                    .or(() -> measure(at + ".bytes", a.path("bytes"), "a size"));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> weighedType(String where, JsonNode value) {
        for (WeighedType t : WeighedType.values()) {
            if (value.isTextual() && value.asText().equals(t.name())) {
                return Optional.empty();
            }
        }
        return Optional.of(where + " is " + shown(value) + ": expected SCRIPT or STYLESHEET");
    }

    /** A duration or a count: a finite number, not below zero. */
    private static Optional<String> measure(String where, JsonNode value, String what) {
        if (!value.isNumber()) {
            // Jackson writes NaN and infinities as strings; a string sample is never one the gate took
            return Optional.of(where + " is " + shown(value) + ": " + what + " must be a number");
        }
        double d = value.asDouble();
        if (!Double.isFinite(d)) {
            return Optional.of(where + " is " + d + ": " + what + " must be a finite number");
        }
        if (d < 0) {
            return Optional.of(where + " is " + d + ": " + what + " cannot be negative");
        }
        return Optional.empty();
    }

    private static Optional<String> takenAt(JsonNode value) {
        if (value.isTextual()) {
            try {
                Instant.parse(value.asText());
                return Optional.empty();
            } catch (DateTimeParseException notATime) {
                // named below with the form expected
            }
        }
        return Optional.of("taken_at is " + shown(value) + ": expected a UTC time such as 2026-11-25T09:00:00Z");
    }

    private static Optional<String> liveCommit(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (value.isTextual() && CommitId.parse(value.asText()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("live_commit is " + shown(value) + ": expected a commit id of 7 to 40 or 64 hex digits");
    }

    private static Optional<String> nonEmptyText(String where, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            return Optional.empty();
        }
        if (value.isMissingNode()) {
            return Optional.of(where + " is missing");
        }
        return Optional.of(where + " is " + shown(value) + ": expected " + (value.isTextual() ? "a non-empty text" : "a text"));
    }

    /** The value as JSON (so quotes and control characters are escaped), cut to stay one short line. */
    private static String shown(JsonNode value) {
        if (value.isMissingNode()) {
            return "missing";
        }
        return Redactor.none().cut(value.toString(), SHOWN);
    }
}
