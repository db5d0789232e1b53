package dev.gate.suite;

import dev.gate.text.Closest;
import dev.gate.checks.time.Durations;
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
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of the suite's YAML with its place in the file, and typed reads that record a problem
 * (and return empty) instead of throwing, so that one reading finds every problem. A mapping
 * remembers which keys were asked for; {@link #rejectUnknownKeys()} reports the others with the
 * closest known key.
 */
final class SuiteNode {
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,10})\\s*(B|KB|MB|GB)?", Pattern.CASE_INSENSITIVE);
    static final long MAX_SIZE = 1024L * 1024 * 1024;

    private final Node node;
    private final String path;
    private final Reading reading;
    private final Set<String> asked = new LinkedHashSet<>();
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    SuiteNode(Node node, String path, Reading reading) {
        this.node = node;
        this.path = path;
        this.reading = reading;
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    reading.problem(tuple.getKeyNode().getStartMark(), where() + "a key must be a plain word");
                    continue;
                }
                NodeTuple earlier = entries.putIfAbsent(key.getValue(), tuple);
                if (earlier != null) {
                    reading.problem(key.getStartMark(), where() + "duplicate key \"" + key.getValue()
                            + "\" (first at line " + (earlier.getKeyNode().getStartMark().getLine() + 1) + ")");
                }
            }
        }
    }

    String path() {
        return path;
    }

    Mark mark() {
        return node.getStartMark();
    }

    Reading reading() {
        return reading;
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    void problem(String message) {
        reading.problem(mark(), where() + message);
    }

    private String where() {
        return path.isEmpty() ? "" : path + ": ";
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value under {@code key} of this mapping; a key written with no value counts as absent. */
    Optional<SuiteNode> get(String key) {
        asked.add(key);
        NodeTuple tuple = entries.get(key);
        if (tuple == null) {
            return Optional.empty();
        }
        SuiteNode value = new SuiteNode(tuple.getValueNode(), child(key), reading);
        return value.isNull() ? Optional.empty() : Optional.of(value);
    }

    /** Whether the mapping has the key, asking for it at the same time. */
    boolean has(String key) {
        return get(key).isPresent();
    }

    /** This node as a mapping; anything else is a problem. */
    boolean expectMap() {
        if (isMap()) {
            return true;
        }
        problem("expected a mapping (key: value), got " + describe());
        return false;
    }

    /** Entries of a free-form mapping (headers, budgets), each key accepted as written. */
    Map<String, SuiteNode> entries() {
        Map<String, SuiteNode> out = new LinkedHashMap<>();
        if (!expectMap()) {
            return out;
        }
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            asked.add(e.getKey());
            out.put(e.getKey(), new SuiteNode(e.getValue().getValueNode(), child(e.getKey()), reading));
        }
        return out;
    }

    /** Where a key of this mapping is written, for problems about the key itself. */
    Mark keyMark(String key) {
        NodeTuple t = entries.get(key);
        return t == null ? mark() : t.getKeyNode().getStartMark();
    }

    /** The items of a sequence; a single value stands for a list of one where {@code single} allows. */
    List<SuiteNode> items(boolean single) {
        List<SuiteNode> out = new ArrayList<>();
        if (node instanceof SequenceNode seq) {
            int i = 0;
            for (Node item : seq.getValue()) {
                out.add(new SuiteNode(item, path + "[" + i++ + "]", reading));
            }
        } else if (single && node instanceof ScalarNode) {
            out.add(this);
        } else {
            problem("expected a list, got " + describe());
        }
        return out;
    }

    void rejectUnknownKeys() {
        for (Map.Entry<String, NodeTuple> e : entries.entrySet()) {
            if (!asked.contains(e.getKey())) {
                String where = path.isEmpty() ? "" : " in " + path;
                reading.problem(e.getValue().getKeyNode().getStartMark(),
                        "unknown key \"" + e.getKey() + "\"" + where + Closest.hint(e.getKey(), asked));
            }
        }
    }

    Optional<String> text() {
        if (node instanceof ScalarNode s) {
            if (isNull()) {
                problem("expected a value, got nothing");
                return Optional.empty();
            }
            return Optional.of(reading.substitute(s.getValue(), mark(), path));
        }
        problem("expected a single value, got " + describe());
        return Optional.empty();
    }

    /** A scalar as YAML typed it: String, Long, Double, Boolean, or empty for null. */
    Optional<Object> typedValue() {
        if (!(node instanceof ScalarNode s)) {
            problem("expected a single value, got " + describe());
            return Optional.empty();
        }
        Tag tag = s.getTag();
        String v = s.getValue();
        try {
            if (tag.equals(Tag.NULL)) {
                return Optional.empty();
            }
            if (tag.equals(Tag.BOOL)) {
                return Optional.of(Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)));
            }
            if (tag.equals(Tag.INT)) {
                return Optional.of(Long.parseLong(v.replace("_", "")));
            }
            if (tag.equals(Tag.FLOAT)) {
                return Optional.of(Double.parseDouble(v.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            // a YAML number Java cannot hold (hex, sexagesimal): keep it as text
        }
        return Optional.of(reading.substitute(v, mark(), path));
    }

    List<String> strings() {
        return items(true).stream().map(SuiteNode::text).flatMap(Optional::stream).collect(Collectors.toList());
    }

    Optional<Integer> integer(int min, int max) {
        return text().flatMap(t -> {
            try {
                int v = Integer.parseInt(t.trim());
                if (v < min || v > max) {
                    problem("must be between " + min + " and " + max + ", got " + v);
                    return Optional.empty();
                }
                return Optional.of(v);
            } catch (NumberFormatException e) {
                problem("expected a whole number, got \"" + t + "\"");
                return Optional.empty();
            }
        });
    }

    Optional<Boolean> bool() {
        return text().flatMap(t -> {
            String v = t.trim().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("yes") || v.equals("on")) {
                return Optional.of(true);
            }
            if (v.equals("false") || v.equals("no") || v.equals("off")) {
                return Optional.of(false);
            }
            problem("expected true or false, got \"" + t + "\"");
            return Optional.empty();
        });
    }

    /** A positive duration written {@code 300ms}, {@code 10s}, {@code 5m} or {@code 1h}. */
    Optional<Duration> duration() {
        return text().flatMap(t -> {
            Optional<Duration> d = Durations.parse(t);
            if (d.isEmpty()) {
                if (t.trim().matches("-\\s*\\d.*")) {
                    problem("must be more than 0, got " + t.trim());
                } else {
                    problem("expected a duration such as 300ms, 10s or 5m, got \"" + t + "\"");
                }
                return Optional.empty();
            }
            if (d.get().isZero()) {
                problem("must be more than 0, got " + t.trim());
                return Optional.empty();
            }
            return d;
        });
    }

    /**
     * A size in bytes written {@code 512KB}, {@code 8MB} or {@code 1GB} (binary units), more than 0
     * and at most {@link #MAX_SIZE} (1GB): within what one Java array holds, and far more than a gate
     * should read of any answer.
     */
    Optional<Long> size() {
        return text().flatMap(t -> {
            Matcher m = SIZE.matcher(t.trim());
            if (!m.matches()) {
                problem("expected a size such as 512KB, 8MB or 1GB, got \"" + t + "\"");
                return Optional.empty();
            }
            long unit = switch (m.group(2) == null ? "B" : m.group(2).toUpperCase(Locale.ROOT)) {
                case "KB" -> 1024L;
                case "MB" -> 1024L * 1024;
                case "GB" -> 1024L * 1024 * 1024;
                default -> 1L;
            };
            long n = Long.parseLong(m.group(1));
            if (n == 0 || n > MAX_SIZE / unit) {
                problem("must be more than 0 and at most 1GB, got " + t.trim());
                return Optional.empty();
            }
            return Optional.of(n * unit);
        });
    }

    /** A proportion written {@code 10%} (or as a fraction such as 0.1), strictly between 0 and 1. */
    Optional<Double> proportion(boolean allowZero) {
        return text().flatMap(t -> {
            String v = t.trim();
            Matcher m = PERCENT.matcher(v);
            double p;
            if (m.matches()) {
                p = Double.parseDouble(m.group(1)) / 100.0;
            } else {
                try {
                    p = Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    problem("expected a percentage such as 10%, got \"" + t + "\"");
                    return Optional.empty();
                }
            }
            // written so that NaN, which compares false with everything, is refused too
            if (!(p >= 0 && p < 1) || (!allowZero && p == 0)) {
                problem("must be " + (allowZero ? "at least 0%" : "more than 0%") + " and under 100%, got " + v);
                return Optional.empty();
            }
            return Optional.of(p);
        });
    }

    /** One of a fixed set of lower-case words, such as {@code block}, {@code warn} or {@code ignore}. */
    <E extends Enum<E>> Optional<E> oneOf(Class<E> type) {
        List<String> words = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            words.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return text().flatMap(t -> {
            String v = t.trim().toLowerCase(Locale.ROOT);
            int i = words.indexOf(v);
            if (i < 0) {
                problem("expected one of " + String.join(", ", words) + ", got \"" + t + "\"" + Closest.hint(v, words));
                return Optional.empty();
            }
            return Optional.of(type.getEnumConstants()[i]);
        });
    }

    Optional<Pattern> regex() {
        return text().flatMap(t -> {
            try {
                return Optional.of(Pattern.compile(t));
            } catch (java.util.regex.PatternSyntaxException e) {
                problem("invalid regular expression: " + e.getDescription() + " near index " + e.getIndex());
                return Optional.empty();
            }
        });
    }

    private String describe() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        ScalarNode s = (ScalarNode) node;
        return isNull() ? "nothing" : "\"" + s.getValue() + "\"";
    }

    /** The raw YAML node, for values passed through as structures (a JSON request body). */
    Node raw() {
        return node;
    }
}
