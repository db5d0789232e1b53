package dev.gate.checks.commit;

import java.util.Objects;
import java.util.regex.Pattern;

/** Where a site says which commit it serves. */
public sealed interface CommitMarker {

    /** A human description for messages: {@code <meta name="commit">}. */
    String describe();

    /** Whether the marker is read from each key page (all but {@link JsonField}). */
    default boolean readFromPages() {
        return true;
    }

    /** {@code <meta name="commit" content="...">}, the default. */
    record Meta(String name) implements CommitMarker {
        public Meta {
            Objects.requireNonNull(name);
        }

        @Override
        public String describe() {
            return "<meta name=\"" + name + "\">";
        }
    }

    /** The attribute (or, without one, the text) of the first element a CSS selector finds. */
    record Selector(String css, String attribute) implements CommitMarker {
        public Selector {
            Objects.requireNonNull(css);
            Objects.requireNonNull(attribute);
        }

        @Override
        public String describe() {
            return "selector \"" + css + "\"" + (attribute.isEmpty() ? "" : " attribute " + attribute);
        }
    }

    /** Group 1 of a regular expression over the HTML. */
    record Regex(Pattern pattern) implements CommitMarker {
        public Regex {
            Objects.requireNonNull(pattern);
        }

        @Override
        public String describe() {
            return "regex /" + pattern.pattern() + "/";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Regex r && r.pattern.pattern().equals(pattern.pattern());
        }

        @Override
        public int hashCode() {
            return pattern.pattern().hashCode();
        }
    }

    /** A response header such as {@code X-Commit}. */
    record Header(String name) implements CommitMarker {
        public Header {
            Objects.requireNonNull(name);
        }

        @Override
        public String describe() {
            return "header " + name;
        }
    }

    /**
     * A field of a JSON version endpoint. The field is a dotted path ({@code build.commit}).
     * Read from the endpoint, not from each page.
     */
    record JsonField(String path, String field) implements CommitMarker {
        public JsonField {
            Objects.requireNonNull(path);
            Objects.requireNonNull(field);
        }

        @Override
        public String describe() {
            return "JSON field \"" + field + "\" of " + path;
        }

        @Override
        public boolean readFromPages() {
            return false;
        }
    }
}
