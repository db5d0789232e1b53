package dev.gate.checks.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gate.checks.Redactor;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Comparing a value found at a GPath expression with the one the suite expects, and writing
 * either in a message. Numbers are compared by value, whatever their Java type: the suite's
 * {@code 3} (a Long) equals the body's {@code 3} (an Integer) and {@code 3.0}.
 */
final class JsonValues {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int VALUE_LIMIT = 120;

    private JsonValues() {
    }

    /** @param expected empty for JSON {@code null} */
    static boolean matches(Optional<Object> expected, Object actual) {
        if (expected.isEmpty()) {
            return actual == null;
        }
        Object want = expected.get();
        if (want instanceof Number w && actual instanceof Number a) {
            return sameNumber(w, a);
        }
        return Objects.equals(want, actual);
    }

    /** A value as JSON writes it, masked: strings quoted, {@code null}, lists and objects compact. */
    static String show(Object value, Redactor redactor) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + Snippet.of(s, VALUE_LIMIT, redactor) + "\"";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            try {
                return Snippet.of(JSON.writeValueAsString(value), VALUE_LIMIT, redactor);
            } catch (JsonProcessingException e) {
                return Snippet.of(value.toString(), VALUE_LIMIT, redactor);
            }
        }
        return Snippet.of(value.toString(), VALUE_LIMIT, redactor);
    }

    static String show(Optional<Object> expected, Redactor redactor) {
        return show(expected.orElse(null), redactor);
    }

    private static boolean sameNumber(Number a, Number b) {
        if (!finite(a) || !finite(b)) {
            return a.doubleValue() == b.doubleValue(); // NaN equals nothing; no JSON number is either
        }
        return decimal(a).compareTo(decimal(b)) == 0;
    }

    private static boolean finite(Number n) {
        return !(n instanceof Double || n instanceof Float) || Double.isFinite(n.doubleValue());
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }
}
